package dev.slipway.dataapi.internal;

import dev.slipway.core.SqlLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the Data API's {@code :name} parameters to JDBC's {@code ?}, in order, skipping literals, quoted names
 * and comments ({@link SqlLexer}) and {@code ::type} casts. Names are letters, digits and underscores, so
 * drizzle's {@code :1, :2} work too.
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
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = SqlLexer.skip(sql, i, mysql);
            if (skipped > 0) {
                out.append(sql, i, skipped);
                i = skipped;
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

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
