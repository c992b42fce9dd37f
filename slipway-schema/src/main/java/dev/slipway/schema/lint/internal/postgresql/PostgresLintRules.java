package dev.slipway.schema.lint.internal.postgresql;

import dev.slipway.core.Engine;
import dev.slipway.schema.lint.Rule;
import dev.slipway.schema.lint.internal.LintRules;
import dev.slipway.schema.model.Schema;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL: what locks (indexes without CONCURRENTLY, keys and checks without NOT VALID, rewrites). */
public final class PostgresLintRules extends LintRules {

    private static final Pattern TYPE =
            Pattern.compile("^alter (?:column )?(\\w+) (?:set data )?type (.+?)(?: using .*)?$");
    private static final Pattern SET_NOT_NULL = Pattern.compile("^alter (?:column )?(\\w+) set not null");

    public PostgresLintRules(Optional<Schema> before) {
        super(Engine.POSTGRESQL, before);
    }

    @Override
    protected void createIndex(String table, boolean concurrently, Reporter report) {
        if (!concurrently) report.found(Rule.LK101, table);
    }

    @Override
    protected boolean engineAlterAction(String table, String action, Reporter report) {
        Matcher m;
        if ((m = TYPE.matcher(action)).find()) {
            typeChange(table, m.group(1), m.group(2), report);
            return true;
        }
        if ((m = SET_NOT_NULL.matcher(action)).find()) {
            report.found(Rule.BC103, table + "." + m.group(1));
            return true;
        }
        return false;
    }

    @Override
    protected void addKeyOrCheck(String table, String kind, String rest, Reporter report) {
        if (rest.contains("not valid")) return;
        if (kind.equals("foreign key")) report.found(Rule.LK102, table);
        if (kind.equals("check")) report.found(Rule.LK103, table);
    }

    @Override
    protected void typeChangeCost(String table, String column, boolean cheap, Reporter report) {
        if (!cheap) report.found(Rule.LK104, table + "." + column);
    }
}
