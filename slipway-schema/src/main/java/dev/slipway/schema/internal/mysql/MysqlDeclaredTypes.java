package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.SqlStatements;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each column as MySQL scripts last declared it: the first word of its type ({@code post.created_at -> timestamp})
 * and its collation, if one is named. Read from the text, because jOOQ's parser reads MySQL's {@code DATETIME} and
 * {@code TIMESTAMP} as one type and keeps no collation.
 */
final class MysqlDeclaredTypes {

    /**
     * @param type the first word of the type, lower case
     * @param collation the collation named in the declaration, lower case; null when none is
     */
    record Declared(String type, String collation) {}

    private static final String NAME = "`?([A-Za-z0-9_$]+)`?";
    private static final Pattern CREATE =
            Pattern.compile("(?is)^create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s*\\((.*)\\)[^)]*$");
    private static final Pattern COLUMN = Pattern.compile("(?is)^\\s*" + NAME + "\\s+([a-z]+)(.*)$");
    private static final Pattern ALTER = Pattern.compile(
            "(?is)^alter\\s+table\\s+" + NAME + "\\s+(?:add|modify)\\s+(?:column\\s+)?" + NAME + "\\s+([a-z]+)(.*)");
    private static final Pattern CHANGE = Pattern.compile("(?is)^alter\\s+table\\s+" + NAME
            + "\\s+change\\s+(?:column\\s+)?" + NAME + "\\s+" + NAME + "\\s+([a-z]+)(.*)");
    private static final Pattern COLLATE = Pattern.compile("(?i)\\bcollate\\s+['\"`]?([A-Za-z0-9_]+)");
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)^drop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME);
    private static final List<String> NOT_COLUMNS =
            List.of("constraint", "primary", "unique", "foreign", "key", "index", "check", "fulltext", "spatial");

    private MysqlDeclaredTypes() {}

    /**
     * The columns of {@code desired} whose last MySQL declaration {@code legacy} picks, each as a change to itself
     * (for a {@code MODIFY COLUMN} that writes it as Slipway writes it today).
     */
    static List<SchemaChange.AlterColumn> columnsDeclared(
            List<DdlInterpreter.Source> scripts, Schema desired, BiPredicate<Column, Declared> legacy) {
        if (scripts.isEmpty()) return List.of();
        Map<String, Declared> declared = of(scripts);
        List<SchemaChange.AlterColumn> columns = new java.util.ArrayList<>();
        for (Table table : desired.tables()) {
            for (Column column : table.columns()) {
                Declared was = declared.get(table.name() + "." + column.name());
                if (was != null && legacy.test(column, was)) {
                    columns.add(new SchemaChange.AlterColumn(table.name(), column, column));
                }
            }
        }
        return columns;
    }

    static Map<String, Declared> of(List<DdlInterpreter.Source> scripts) {
        Map<String, Declared> types = new HashMap<>();
        for (DdlInterpreter.Source script : scripts) {
            for (SqlStatements.Statement statement : SqlStatements.split(script.sql())) {
                read(statement.sql().trim(), types);
            }
        }
        return types;
    }

    private static void read(String sql, Map<String, Declared> types) {
        Matcher m;
        if ((m = CREATE.matcher(sql)).matches()) {
            String table = lower(m.group(1));
            types.keySet().removeIf(key -> key.startsWith(table + "."));
            for (String part : SqlStatements.splitTopLevel(m.group(2))) {
                Matcher column = COLUMN.matcher(part);
                if (!column.matches()) continue;
                String name = lower(column.group(1));
                if (!NOT_COLUMNS.contains(name))
                    types.put(table + "." + name, declared(column.group(2), column.group(3)));
            }
        } else if ((m = ALTER.matcher(sql)).matches()) {
            types.put(lower(m.group(1)) + "." + lower(m.group(2)), declared(m.group(3), m.group(4)));
        } else if ((m = CHANGE.matcher(sql)).matches()) {
            types.remove(lower(m.group(1)) + "." + lower(m.group(2)));
            types.put(lower(m.group(1)) + "." + lower(m.group(3)), declared(m.group(4), m.group(5)));
        } else if ((m = DROP_TABLE.matcher(sql)).lookingAt()) {
            String table = lower(m.group(1));
            types.keySet().removeIf(key -> key.startsWith(table + "."));
        }
    }

    private static Declared declared(String type, String rest) {
        Matcher collate = COLLATE.matcher(rest);
        return new Declared(lower(type), collate.find() ? lower(collate.group(1)) : null);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
