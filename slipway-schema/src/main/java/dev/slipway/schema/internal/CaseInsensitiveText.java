package dev.slipway.schema.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code citext}. jOOQ's parser reads it as {@code text}, which compares case-sensitively, so
 * Slipway writes it schema-qualified before parsing ({@code public.citext}, which jOOQ keeps as a type of its
 * own, as it keeps an enum type) and maps that name back to {@code citext}. Written by hand: jOOQ has no setting
 * that keeps the type.
 */
final class CaseInsensitiveText {

    /** What jOOQ is given for {@code citext}: a name it keeps, never rendered into a migration. */
    private static final String KEPT = "public.citext";

    /** {@code citext} after a column name (a declaration) or {@code type} (ALTER COLUMN ... TYPE). */
    private static final Pattern TYPE =
            Pattern.compile("(?i)(\\b[\\w$]+|\"(?:[^\"]|\"\")+\")(\\s+)citext\\b(?![\\w$.])");

    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

    /** Words after which {@code citext} is a name, not a column's type ({@code create extension citext}). */
    private static final Set<String> NOT_A_COLUMN =
            Set.of("extension", "exists", "column", "table", "to", "on", "index", "view", "schema", "drop");

    private CaseInsensitiveText() {}

    /** {@code sql} with each column type {@code citext} written so that jOOQ keeps it apart from text. */
    static String keptApart(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("citext")) return sql;
        // string literals blanked (same length), so that a default 'x citext' matches nothing
        String outsideStrings =
                LITERAL.matcher(sql).replaceAll(m -> "'" + "_".repeat(m.group().length() - 2) + "'");
        Matcher type = TYPE.matcher(outsideStrings);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (type.find()) {
            if (NOT_A_COLUMN.contains(type.group(1).toLowerCase(Locale.ROOT))) continue;
            int start = type.end(2);
            out.append(sql, copied, start).append(KEPT);
            copied = start + "citext".length();
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** Whether jOOQ's name of a type is {@code citext} as {@link #keptApart} wrote it (or as the user did). */
    static boolean is(String jooqTypeName) {
        String name = jooqTypeName.toLowerCase(Locale.ROOT);
        return name.equals(KEPT) || name.endsWith(".citext");
    }
}
