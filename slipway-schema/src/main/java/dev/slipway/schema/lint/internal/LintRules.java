package dev.slipway.schema.lint.internal;

import dev.slipway.core.Engine;
import dev.slipway.schema.SqlStatements;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.lint.Finding;
import dev.slipway.schema.lint.Rule;
import dev.slipway.schema.lint.internal.mysql.MysqlLintRules;
import dev.slipway.schema.lint.internal.postgresql.PostgresLintRules;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/**
 * Classifies migration statements by their text, so it works the same on generated and hand-written SQL of
 * both engines. {@code before} is the schema the earlier migrations produce (empty when it could not be
 * worked out: then every table is treated as existing and every type change as risky). What only one engine
 * says or locks is in that engine's subclass ({@link PostgresLintRules}, {@link MysqlLintRules}).
 */
public abstract class LintRules {

    private static final Pattern CREATE_TABLE =
            Pattern.compile("^create (?:temporary |temp )?table (?:if not exists )?([\\w.]+)");
    private static final Pattern DROP_TABLE =
            Pattern.compile("^drop table (?:if exists )?(.+?)(?: cascade| restrict)?$");
    private static final Pattern TRUNCATE = Pattern.compile("^truncate (?:table )?(?:only )?([\\w.]+)");
    private static final Pattern RENAME_TABLE = Pattern.compile("^rename table ([\\w.]+)");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^create (unique )?index (concurrently )?(?:if not exists )?(?:[\\w.]+ )?on (?:only )?([\\w.]+)");
    private static final Pattern ALTER_TABLE =
            Pattern.compile("^alter table (?:if exists )?(?:only )?([\\w.]+) (.*)$", Pattern.DOTALL);
    private static final Pattern RENAME = Pattern.compile("^rename (?:column )?(\\w+)?\\s*to (\\w+)");
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "^drop (?:column )?(?:if exists )?(?!constraint\\b|index\\b|key\\b|foreign\\b|primary\\b|check\\b|default\\b)(\\w+)");
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^add (?:column )?(?:if not exists )?(?!constraint\\b|index\\b|key\\b|unique\\b|primary\\b|foreign\\b|check\\b|fulltext\\b|spatial\\b)(\\w+) (.+)$");
    private static final Pattern ADD_CONSTRAINT =
            Pattern.compile("^add (?:constraint \\w+ )?(unique|primary key|foreign key|check)\\b(.*)$");
    private static final Pattern COLUMN_ATTRIBUTES = Pattern.compile(
            "\\s+(not null|null|default|auto_increment|generated|primary|unique|references|check|comment|collate|character set)\\b.*$");
    private static final Pattern IGNORE = Pattern.compile("slipway:lint-ignore\\s+([\\w, ]+)");

    private final Engine engine;
    private final Optional<Schema> before;
    private final Set<String> createdHere = new HashSet<>();

    protected LintRules(Engine engine, Optional<Schema> before) {
        this.engine = engine;
        this.before = before;
    }

    /** The one place the lint package chooses by engine. */
    public static LintRules forEngine(Engine engine, Optional<Schema> before) {
        return switch (engine) {
            case POSTGRESQL -> new PostgresLintRules(before);
            case MYSQL -> new MysqlLintRules(before);
        };
    }

    /** What creating an index on a table that holds rows costs on this engine. */
    protected abstract void createIndex(String table, boolean concurrently, Reporter report);

    /** An ALTER TABLE action only this engine has; false when it is not one. */
    protected abstract boolean engineAlterAction(String table, String action, Reporter report);

    /** What adding a primary key, foreign key or check to a table that holds rows costs on this engine. */
    protected abstract void addKeyOrCheck(String table, String kind, String rest, Reporter report);

    /** What changing a column's type costs on this engine; {@code cheap} when only the catalog changes. */
    protected abstract void typeChangeCost(String table, String column, boolean cheap, Reporter report);

    /** Lints one script; the state carries over statement by statement (tables it creates are new). */
    public List<Finding> lint(String origin, String script) {
        List<Finding> findings = new ArrayList<>();
        for (SqlStatements.Statement statement : SqlStatements.split(script)) {
            List<Finding> found = new ArrayList<>();
            check(statement, origin, found);
            Set<String> ignored = ignored(statement.comments());
            found.stream()
                    .filter(f -> !ignored.contains(f.rule().name()) && !ignored.contains("ALL"))
                    .forEach(findings::add);
        }
        return findings;
    }

    private void check(SqlStatements.Statement statement, String origin, List<Finding> out) {
        String sql = normalize(statement.sql());
        Reporter report = (rule, subject) ->
                out.add(new Finding(rule, origin, statement.line(), oneLine(statement.sql()), subject));
        Matcher m;
        if ((m = CREATE_TABLE.matcher(sql)).find()) {
            createdHere.add(bare(m.group(1)));
            if (!sql.contains("primary key") && !sql.contains(" as select "))
                report.found(Rule.DN101, bare(m.group(1)));
        } else if ((m = DROP_TABLE.matcher(sql)).find()) {
            for (String table : m.group(1).split(",")) {
                if (existing(bare(table.trim()))) report.found(Rule.DS101, bare(table.trim()));
            }
        } else if ((m = TRUNCATE.matcher(sql)).find()) {
            report.found(Rule.DS104, bare(m.group(1)));
        } else if ((m = RENAME_TABLE.matcher(sql)).find()) {
            report.found(Rule.BC101, bare(m.group(1)));
        } else if ((m = CREATE_INDEX.matcher(sql)).find()) {
            String table = bare(m.group(3));
            if (!existing(table)) return;
            if (m.group(1) != null) report.found(Rule.MF101, table);
            createIndex(table, m.group(2) != null, report);
        } else if ((m = ALTER_TABLE.matcher(sql)).find()) {
            String table = bare(m.group(1));
            if (!existing(table)) return;
            for (String action : SqlStatements.splitTopLevel(m.group(2))) {
                alterAction(table, action.trim(), report);
            }
        }
    }

    private void alterAction(String table, String action, Reporter report) {
        Matcher m;
        if ((m = RENAME.matcher(action)).find()) {
            report.found(Rule.BC101, m.group(1) == null ? table : table + "." + m.group(1));
        } else if ((m = DROP_COLUMN.matcher(action)).find()) {
            report.found(Rule.DS102, table + "." + m.group(1));
        } else if (engineAlterAction(table, action, report)) {
            return;
        } else if ((m = ADD_CONSTRAINT.matcher(action)).find()) {
            addConstraint(table, m.group(1), m.group(2), report);
        } else if ((m = ADD_COLUMN.matcher(action)).find()) {
            String definition = m.group(2);
            boolean generated = definition.contains("default")
                    || definition.contains("generated")
                    || definition.contains("auto_increment")
                    || definition.contains("identity");
            if (definition.contains("not null") && !generated) report.found(Rule.BC102, table + "." + m.group(1));
        }
    }

    private void addConstraint(String table, String kind, String rest, Reporter report) {
        if (kind.equals("unique")) {
            report.found(Rule.MF101, table);
            return;
        }
        if (kind.equals("primary key")) report.found(Rule.MF102, table);
        addKeyOrCheck(table, kind, rest, report);
    }

    /** A MySQL MODIFY/CHANGE: the new definition replaces the column's type, nullability and default. */
    protected void redefine(String table, String column, String definition, Reporter report) {
        String newType = COLUMN_ATTRIBUTES.matcher(definition).replaceFirst("").trim();
        Optional<Column> old = column(table, column);
        boolean typeChanged = old.isEmpty()
                || parseType(newType).map(t -> !t.equals(old.get().type())).orElse(true);
        if (typeChanged) typeChange(table, column, newType, report);
        boolean nowNotNull = definition.contains("not null");
        if (nowNotNull && old.map(Column::nullable).orElse(true)) report.found(Rule.BC103, table + "." + column);
        if (typeChanged || nowNotNull != !old.map(Column::nullable).orElse(true)) {
            report.found(Rule.LK201, table + "." + column);
        }
    }

    protected void typeChange(String table, String column, String newTypeSql, Reporter report) {
        Optional<ColumnType> oldType = column(table, column).map(Column::type);
        Optional<ColumnType> newType = parseType(newTypeSql);
        boolean widening =
                oldType.isPresent() && newType.isPresent() && oldType.get().widensTo(newType.get());
        if (!widening) report.found(Rule.DS103, table + "." + column);
        boolean cheapInPostgres = widening
                && newType.get().kind() != ColumnType.Kind.BIGINT
                && oldType.get().kind() != ColumnType.Kind.INTEGER
                && oldType.get().kind() != ColumnType.Kind.SMALLINT;
        typeChangeCost(table, column, cheapInPostgres, report);
    }

    private Optional<ColumnType> parseType(String typeSql) {
        try {
            String ddl = "create table slipway_lint_probe (c " + typeSql + ")";
            SQLDialect dialect = SQLDialect.valueOf(engine.jooqDialect());
            Schema probe = DdlInterpreter.interpret(List.of(new DdlInterpreter.Source("lint", ddl)), dialect);
            return Optional.of(probe.tables().get(0).columns().get(0).type());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Column> column(String table, String column) {
        return before.flatMap(s -> s.table(table)).flatMap(t -> t.column(column));
    }

    private boolean existing(String table) {
        if (createdHere.contains(table)) return false;
        return before.map(s -> s.table(table).isPresent()).orElse(true);
    }

    private static Set<String> ignored(String comments) {
        Set<String> codes = new HashSet<>();
        Matcher m = IGNORE.matcher(comments);
        while (m.find()) {
            for (String code : m.group(1).split("[,\\s]+")) {
                if (!code.isBlank()) codes.add(code.trim().toUpperCase(Locale.ROOT));
            }
        }
        return codes;
    }

    private static String normalize(String sql) {
        return sql.replace("\"", "")
                .replace("`", "")
                .replaceAll("\\s+", " ")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static String bare(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").trim();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    @FunctionalInterface
    protected interface Reporter {
        void found(Rule rule, String subject);
    }
}
