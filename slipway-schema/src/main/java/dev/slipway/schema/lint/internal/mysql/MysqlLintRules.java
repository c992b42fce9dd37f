package dev.slipway.schema.lint.internal.mysql;

import dev.slipway.core.Engine;
import dev.slipway.schema.lint.Rule;
import dev.slipway.schema.lint.internal.LintRules;
import dev.slipway.schema.model.Schema;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MySQL: MODIFY/CHANGE redefine a whole column, ADD UNIQUE INDEX, and what rebuilds a table (copy). */
public final class MysqlLintRules extends LintRules {

    private static final Pattern MODIFY = Pattern.compile("^modify (?:column )?(\\w+) (.+)$");
    private static final Pattern CHANGE = Pattern.compile("^change (?:column )?(\\w+) (\\w+) (.+)$");

    public MysqlLintRules(Optional<Schema> before) {
        super(Engine.MYSQL, before);
    }

    @Override
    protected void createIndex(String table, boolean concurrently, Reporter report) {
        // online (INPLACE) in InnoDB: nothing to report
    }

    @Override
    protected boolean engineAlterAction(String table, String action, Reporter report) {
        Matcher m;
        if ((m = CHANGE.matcher(action)).find()) {
            if (!m.group(1).equals(m.group(2))) report.found(Rule.BC101, table + "." + m.group(1));
            redefine(table, m.group(1), m.group(3), report);
            return true;
        }
        if ((m = MODIFY.matcher(action)).find()) {
            redefine(table, m.group(1), m.group(2), report);
            return true;
        }
        if (action.matches("^add unique (index|key)\\b.*")) {
            report.found(Rule.MF101, table);
            return true;
        }
        return false;
    }

    @Override
    protected void addKeyOrCheck(String table, String kind, String rest, Reporter report) {
        if (kind.equals("primary key")) report.found(Rule.LK201, table);
    }

    @Override
    protected void typeChangeCost(String table, String column, boolean cheap, Reporter report) {
        // MODIFY reports the rebuild (LK201) itself
    }
}
