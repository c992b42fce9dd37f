package dev.slipway.jdbc.internal;

import dev.slipway.core.SqlLexer;

/**
 * JDBC's {@code ?} placeholders rewritten to the Data API's named parameters {@code :1, :2, ...} (as drizzle names
 * them), skipping literals, quoted names and comments ({@link SqlLexer}). PostgreSQL's {@code ??} (pgjdbc's escape
 * for the {@code ?} operator) becomes {@code ?}.
 *
 * @param sql the statement with {@code :n} for each placeholder
 * @param count how many placeholders there were
 */
public record Placeholders(String sql, int count) {

    public static Placeholders rewrite(String sql, boolean mysql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int count = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = SqlLexer.skip(sql, i, mysql);
            if (skipped > 0) {
                out.append(sql, i, skipped);
                i = skipped;
            } else if (c == '?' && !mysql && i + 1 < n && sql.charAt(i + 1) == '?') {
                out.append('?');
                i += 2;
            } else if (c == '?') {
                out.append(':').append(++count);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Placeholders(out.toString(), count);
    }
}
