package dev.slipway.dataapi.internal;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DECIMAL parameter: a plain decimal ({@code -12.50}, no exponent) within what the engine's {@code numeric} /
 * {@code DECIMAL} can hold, checked before anything is parsed, so {@code 5e200000} or a million-digit string never
 * reaches {@link BigDecimal} (whose exponent forms cost time and memory the number does not show).
 */
final class PlainDecimal {

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d*)(?:\\.(\\d*))?");
    /** PostgreSQL numeric: up to 131072 digits before the point, 16383 after (Numeric types, section 8.1.2). */
    private static final int PG_INTEGER_DIGITS = 131_072;

    private static final int PG_FRACTION_DIGITS = 16_383;
    /** MySQL and MariaDB DECIMAL: at most 65 digits, 30 of them after the point. */
    private static final int MYSQL_DIGITS = 65;

    private static final int MYSQL_FRACTION_DIGITS = 30;

    private PlainDecimal() {}

    static BigDecimal parse(String name, String text, boolean postgres) {
        String t = text.strip();
        Matcher m = t.length() <= PG_INTEGER_DIGITS + PG_FRACTION_DIGITS + 2 ? PLAIN.matcher(t) : null;
        if (m == null
                || !m.matches()
                || (m.group(1).isEmpty() && (m.group(2) == null || m.group(2).isEmpty()))) {
            throw refused(name, text, "is not a plain decimal such as -12.50 (no exponent)");
        }
        String integer = m.group(1).replaceFirst("^0+(?=.)", "");
        int fraction = m.group(2) == null ? 0 : m.group(2).length();
        if (postgres && (integer.length() > PG_INTEGER_DIGITS || fraction > PG_FRACTION_DIGITS)) {
            throw refused(
                    name,
                    text,
                    "has more digits than PostgreSQL's numeric holds (131072 before the point," + " 16383 after)");
        }
        if (!postgres && (integer.length() + fraction > MYSQL_DIGITS || fraction > MYSQL_FRACTION_DIGITS)) {
            throw refused(name, text, "has more digits than MySQL's DECIMAL holds (65, 30 of them after the point)");
        }
        return new BigDecimal(t);
    }

    private static DataApiException refused(String name, String text, String why) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + " characters)" : text;
        return DataApiException.badRequest("Parameter " + name + " with typeHint DECIMAL '" + shown + "' " + why + ".");
    }
}
