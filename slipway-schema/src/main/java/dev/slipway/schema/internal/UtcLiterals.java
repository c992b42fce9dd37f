package dev.slipway.schema.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code timestamp with time zone} literal with an offset ('2020-01-01 00:00:00+02'), as MySQL's DATETIME(p) holding
 * UTC takes it: the same instant in UTC, without the offset (MySQL refuses the offset in a column default). A
 * literal without an offset is already in the session's zone, UTC on both engines, and stays as it is.
 */
public final class UtcLiterals {

    private static final Pattern QUOTED = Pattern.compile("'(.*)'");
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();
    private static final DateTimeFormatter MYSQL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private UtcLiterals() {}

    public static String inUtc(String literal) {
        Matcher quoted = QUOTED.matcher(literal.strip());
        if (!quoted.matches() || !quoted.group(1).matches(".*[+-]\\d\\d(:?\\d\\d)?$|.*Z$")) return literal;
        try {
            OffsetDateTime instant = OffsetDateTime.parse(quoted.group(1), WITH_OFFSET);
            return "'" + MYSQL.format(instant.withOffsetSameInstant(ZoneOffset.UTC)) + "'";
        } catch (DateTimeParseException e) {
            return literal; // not a timestamp Slipway can read: MySQL gets it as written, and says so if it refuses
        }
    }
}
