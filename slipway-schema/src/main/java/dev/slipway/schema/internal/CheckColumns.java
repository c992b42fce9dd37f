package dev.slipway.schema.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns a check condition mentions: the one reading used for naming checks as PostgreSQL does and for the
 * refusals that depend on a check's columns. String literals are skipped; quoted identifiers keep their case,
 * unquoted ones are lower-cased, as both engines fold them.
 */
public final class CheckColumns {

    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern WORD = Pattern.compile("\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_$]*");

    private CheckColumns() {}

    /** The distinct {@code columns} that {@code condition} names, in order of appearance. */
    public static List<String> mentioned(String condition, Set<String> columns) {
        Matcher matcher = WORD.matcher(STRING.matcher(condition).replaceAll("''"));
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            String word = matcher.group();
            String quote = word.substring(0, 1);
            String name = quote.equals("\"") || quote.equals("`")
                    ? word.substring(1, word.length() - 1).replace(quote + quote, quote)
                    : word.toLowerCase(Locale.ROOT);
            if (columns.contains(name)) found.add(name);
        }
        return List.copyOf(found);
    }
}
