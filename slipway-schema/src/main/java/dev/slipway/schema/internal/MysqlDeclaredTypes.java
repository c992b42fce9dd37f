package dev.slipway.schema.internal;

import dev.slipway.schema.SqlStatements;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first word of each column's type as MySQL scripts last declared it ({@code post.created_at -> timestamp}).
 * Read from the text, because jOOQ's parser reads MySQL's {@code DATETIME} and {@code TIMESTAMP} as one type.
 */
final class MysqlDeclaredTypes {

    private static final String NAME = "`?([A-Za-z0-9_$]+)`?";
    private static final Pattern CREATE =
            Pattern.compile("(?is)^create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s*\\((.*)\\)[^)]*$");
    private static final Pattern COLUMN = Pattern.compile("(?im)(?:^|,)\\s*" + NAME + "\\s+([a-z]+)");
    private static final Pattern ALTER = Pattern.compile(
            "(?is)^alter\\s+table\\s+" + NAME + "\\s+(?:add|modify)\\s+(?:column\\s+)?" + NAME + "\\s+([a-z]+).*");
    private static final Pattern CHANGE = Pattern.compile("(?is)^alter\\s+table\\s+" + NAME
            + "\\s+change\\s+(?:column\\s+)?" + NAME + "\\s+" + NAME + "\\s+([a-z]+).*");
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)^drop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME);
    private static final List<String> NOT_COLUMNS =
            List.of("constraint", "primary", "unique", "foreign", "key", "index", "check", "fulltext", "spatial");

    private MysqlDeclaredTypes() {}

    static Map<String, String> of(List<DdlInterpreter.Source> scripts) {
        Map<String, String> types = new HashMap<>();
        for (DdlInterpreter.Source script : scripts) {
            for (SqlStatements.Statement statement : SqlStatements.split(script.sql())) {
                read(statement.sql().trim(), types);
            }
        }
        return types;
    }

    private static void read(String sql, Map<String, String> types) {
        Matcher m;
        if ((m = CREATE.matcher(sql)).matches()) {
            String table = lower(m.group(1));
            types.keySet().removeIf(key -> key.startsWith(table + "."));
            Matcher column = COLUMN.matcher(m.group(2));
            while (column.find()) {
                String name = lower(column.group(1));
                if (!NOT_COLUMNS.contains(name)) types.put(table + "." + name, lower(column.group(2)));
            }
        } else if ((m = ALTER.matcher(sql)).matches()) {
            types.put(lower(m.group(1)) + "." + lower(m.group(2)), lower(m.group(3)));
        } else if ((m = CHANGE.matcher(sql)).matches()) {
            types.remove(lower(m.group(1)) + "." + lower(m.group(2)));
            types.put(lower(m.group(1)) + "." + lower(m.group(3)), lower(m.group(4)));
        } else if ((m = DROP_TABLE.matcher(sql)).lookingAt()) {
            String table = lower(m.group(1));
            types.keySet().removeIf(key -> key.startsWith(table + "."));
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
