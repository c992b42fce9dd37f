package dev.slipway.dataapi.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the Data API's {@code :name} parameters to JDBC's {@code ?}, in order. Written by hand (no library
 * parses both dialects' quoting): it skips {@code '...'}, {@code "..."}, MySQL {@code `...`} and backslash
 * escapes, PostgreSQL {@code $tag$...$tag$}, comments and {@code ::type} casts. Names are letters, digits and
 * underscores, so drizzle's {@code :1, :2} work too.
 *
 * @param sql the statement with {@code ?} in place of each parameter
 * @param names the parameter name of each {@code ?}, in order (a name may repeat)
 */
public record NamedParameters(String sql, List<String> names) {

    public static NamedParameters parse(String sql, boolean mysql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        String tag;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || (mysql && c == '`')) {
                int end = quoted(sql, i, c, mysql && c != '`');
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (!mysql && c == '$' && (tag = dollarTag(sql, i)) != null) {
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameChar(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && isNameChar(sql.charAt(end))) end++;
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedParameters(out.toString(), List.copyOf(names));
    }

    private static int quoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // doubled quote inside the literal
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, else null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j < sql.length() && sql.charAt(j) == '$') {
            String tag = sql.substring(i, j + 1);
            return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag; // $1 is a parameter
        }
        return null;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
