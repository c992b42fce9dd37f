package dev.slipway.core;

/**
 * Where a SQL string's literals, quoted names and comments end, so that code looking for parameters ({@code :name}
 * or {@code ?}) skips them. Written by hand (no library lexes both dialects' quoting): {@code '...'},
 * {@code "..."}, MySQL {@code `...`} and backslash escapes, PostgreSQL {@code $tag$...$tag$}, {@code --} and
 * {@code /* *}{@code /} comments. The Data API server and the JDBC driver both use it.
 */
public final class SqlLexer {

    private SqlLexer() {}

    /**
     * The index just past the literal, quoted name or comment that starts at {@code i}, or -1 when none starts
     * there; an unterminated one runs to the end.
     */
    public static int skip(String sql, int i, boolean mysql) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || (mysql && c == '`')) return quoted(sql, i, c, mysql && c != '`');
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? n : end;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        String tag;
        if (!mysql && c == '$' && (tag = dollarTag(sql, i)) != null) {
            int end = sql.indexOf(tag, i + tag.length());
            return end < 0 ? n : end + tag.length();
        }
        return -1;
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

    /** {@code $$} or {@code $tag$} starting at {@code i}, else null ({@code $1} is a parameter, not a tag). */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j < sql.length() && sql.charAt(j) == '$') {
            String tag = sql.substring(i, j + 1);
            return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
        }
        return null;
    }
}
