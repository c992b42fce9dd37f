package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds where in the SQL a refused column or index is declared, so the error names the file and line to fix. */
public final class SourceLines {

    private static final Pattern WHERE = Pattern.compile("^([^.\\s:]+)\\.([^.\\s:]+): (.*)", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("^Index (\\S+) on (\\S+) (.*)", Pattern.DOTALL);

    private SourceLines() {}

    /** {@code table.column: message} becomes {@code file:line: table.column: message} where the column is found. */
    static SchemaException withLine(SchemaException e, List<DdlInterpreter.Source> sources) {
        Matcher where = WHERE.matcher(e.getMessage());
        Matcher index = INDEX.matcher(e.getMessage());
        if (!where.matches() && !index.matches()) return e;
        for (int i = sources.size() - 1; i >= 0; i--) {
            DdlInterpreter.Source source = sources.get(i);
            int line = where.matches()
                    ? line(source.sql(), declaredName(source.sql(), where.group(1)), where.group(2))
                    : indexLine(source.sql(), index.group(1));
            if (line > 0) return new SchemaException(e.code(), source.origin() + ":" + line + ": " + e.getMessage(), e);
        }
        return e;
    }

    private static final Pattern DIFF_COLUMN = Pattern.compile("^Column ([\\w$]+)\\.([\\w$]+) ");
    private static final Pattern DIFF_ENUM = Pattern.compile("^Enum type ([\\w$]+) ");

    /**
     * A change schema.sql asks for that Slipway does not generate ({@code Column t.c ...}, {@code Enum type e ...})
     * gets the line of that column or type in {@code sql}, read from {@code origin}.
     */
    public static SchemaException withSchemaLine(SchemaException e, String origin, String sql) {
        Matcher column = DIFF_COLUMN.matcher(e.getMessage());
        Matcher enumType = DIFF_ENUM.matcher(e.getMessage());
        int line = column.find()
                ? line(sql, declaredName(sql, column.group(1)), column.group(2))
                : enumType.find() ? statementLine(sql, "create type " + enumType.group(1)) : 0;
        return line > 0 ? new SchemaException(e.code(), origin + ":" + line + ": " + e.getMessage(), e) : e;
    }

    /** The name {@code table} was created under, following {@code alter table old rename to table} back. */
    private static String declaredName(String sql, String table) {
        String name = table;
        // a few renames at most; the bound keeps a rename cycle (a to b, b to a) from looping
        for (int step = 0; step < 8; step++) {
            Matcher renamed = Pattern.compile("(?i)alter\\s+table\\s+[\"`]?([\\w$]+)[\"`]?\\s+rename\\s+to\\s+[\"`]?"
                            + Pattern.quote(name) + "[\"`]?\\s*(;|$)")
                    .matcher(sql);
            if (!renamed.find()) break;
            name = renamed.group(1);
        }
        return name;
    }

    /** The 1-based line declaring {@code column} in {@code create table <table>} or an ADD COLUMN, else 0. */
    public static int line(String sql, String table, String column) {
        String name = "[\"`]?" + Pattern.quote(table) + "[\"`]?";
        String col = "[\"`]?" + Pattern.quote(column) + "[\"`]?";
        Matcher create = Pattern.compile("(?is)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\.)?" + name
                        + "\\s*\\((.*?)\\)[^;()]*;")
                .matcher(sql);
        while (create.find()) {
            Matcher declared =
                    Pattern.compile("(?im)(?:^|[(,])\\s*(" + col + ")\\s+\\w").matcher(create.group(1));
            if (declared.find()) return lineOf(sql, create.start(1) + declared.start(1));
        }
        Matcher added =
                Pattern.compile("(?i)add\\s+(?:column\\s+)?" + col + "\\s+\\w").matcher(sql);
        return added.find() ? lineOf(sql, added.start()) : 0;
    }

    /**
     * The 1-based line of the statement that starts with {@code words} (e.g. {@code create table t}), matched with
     * any spacing, case and identifier quotes; else 0.
     */
    static int statementLine(String sql, String words) {
        StringBuilder pattern = new StringBuilder("(?i)(?:^|;)\\s*");
        String[] tokens = words.replaceAll("[\"`]", "").trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) pattern.append("\\s+");
            pattern.append("[\"`]?").append(Pattern.quote(tokens[i])).append("[\"`]?");
        }
        Matcher statement =
                Pattern.compile(pattern.append("(?![\\w$])").toString()).matcher(sql);
        return statement.find() ? lineOf(sql, statement.start() + (sql.charAt(statement.start()) == ';' ? 1 : 0)) : 0;
    }

    /** The 1-based line of the first {@code references <table>}, else 0. */
    static int referenceLine(String sql, String table) {
        Matcher reference = Pattern.compile(
                        "(?i)references\\s+(?:\\w+\\.)?[\"`]?" + Pattern.quote(table) + "[\"`]?[\\s(]")
                .matcher(sql);
        return reference.find() ? lineOf(sql, reference.start()) : 0;
    }

    /** The 1-based line of {@code create [unique] index <name>}, else 0. */
    public static int indexLine(String sql, String name) {
        return indexLine(sql, name, 1);
    }

    /** The 1-based line of the {@code nth} {@code create [unique] index <name>}, else 0. */
    public static int indexLine(String sql, String name, int nth) {
        Matcher create = Pattern.compile("(?i)create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?"
                        + "(?:if\\s+not\\s+exists\\s+)?[\"`]?" + Pattern.quote(name) + "[\"`]?\\s")
                .matcher(sql);
        for (int found = 0; create.find(); ) {
            if (++found == nth) return lineOf(sql, create.start());
        }
        return 0;
    }

    private static int lineOf(String sql, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') line++;
        }
        // the match may start on the newline before the declaration
        while (offset < sql.length() && Character.isWhitespace(sql.charAt(offset))) {
            if (sql.charAt(offset++) == '\n') line++;
        }
        return line;
    }
}
