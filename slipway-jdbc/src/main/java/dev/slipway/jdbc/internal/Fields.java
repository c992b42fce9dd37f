package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.UUID;

/**
 * Java values to the Data API's {@code Field}s with their {@code typeHint}, as the RDS Data API documents them:
 * integers as {@code longValue}, decimals as strings hinted {@code DECIMAL}, dates and times as strings hinted
 * {@code DATE}/{@code TIME}/{@code TIMESTAMP} (instants in UTC, the Data API's session time zone), UUIDs hinted
 * {@code UUID}, bytes as base64 {@code blobValue}.
 */
final class Fields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** {@code 2024-01-02 03:04:05[.ffffff]}: the Data API's TIMESTAMP text (and how it returns timestamps). */
    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private Fields() {}

    /** A parameter: {@code {"name": ..., "value": Field, "typeHint": ...}}. */
    static ObjectNode parameter(String name, Object value) throws SQLException {
        ObjectNode p = JSON.objectNode().put("name", name);
        ObjectNode field = p.putObject("value");
        String hint = encode(field, value);
        if (hint != null) p.put("typeHint", hint);
        return p;
    }

    /** A typed NULL; the Data API has one NULL for every type. */
    static ObjectNode nullParameter(String name) {
        ObjectNode p = JSON.objectNode().put("name", name);
        p.putObject("value").put("isNull", true);
        return p;
    }

    private static String encode(ObjectNode field, Object value) throws SQLException {
        switch (value) {
            case null -> field.put("isNull", true);
            case Boolean b -> field.put("booleanValue", b);
            case Byte b -> field.put("longValue", b.longValue());
            case Short s -> field.put("longValue", s.longValue());
            case Integer i -> field.put("longValue", i.longValue());
            case Long l -> field.put("longValue", l);
            case Float f -> field.put("doubleValue", f.doubleValue());
            case Double d -> field.put("doubleValue", d);
            case BigDecimal d -> {
                field.put("stringValue", d.toPlainString());
                return "DECIMAL";
            }
            case BigInteger i -> {
                field.put("stringValue", i.toString());
                return "DECIMAL";
            }
            case String s -> field.put("stringValue", s);
            case Character c -> field.put("stringValue", c.toString());
            case byte[] bytes -> field.put("blobValue", Base64.getEncoder().encodeToString(bytes));
            case UUID u -> {
                field.put("stringValue", u.toString());
                return "UUID";
            }
            case java.sql.Timestamp t -> {
                field.put("stringValue", TIMESTAMP.format(t.toLocalDateTime()));
                return "TIMESTAMP";
            }
            case java.sql.Time t -> {
                field.put("stringValue", TIME.format(t.toLocalTime()));
                return "TIME";
            }
            case java.sql.Date d -> {
                field.put("stringValue", d.toLocalDate().toString());
                return "DATE";
            }
            case java.util.Date d -> {
                field.put("stringValue", TIMESTAMP.format(LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC)));
                return "TIMESTAMP";
            }
            case LocalDate d -> {
                field.put("stringValue", d.toString());
                return "DATE";
            }
            case LocalTime t -> {
                field.put("stringValue", TIME.format(t));
                return "TIME";
            }
            case OffsetTime t -> {
                field.put(
                        "stringValue",
                        TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()));
                return "TIME";
            }
            case LocalDateTime t -> {
                field.put("stringValue", TIMESTAMP.format(t));
                return "TIMESTAMP";
            }
            case OffsetDateTime t -> {
                field.put(
                        "stringValue",
                        TIMESTAMP.format(t.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()));
                return "TIMESTAMP";
            }
            case ZonedDateTime t -> {
                field.put(
                        "stringValue",
                        TIMESTAMP.format(t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()));
                return "TIMESTAMP";
            }
            case Instant t -> {
                field.put("stringValue", TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
                return "TIMESTAMP";
            }
            case InputStream in -> field.put("blobValue", Base64.getEncoder().encodeToString(readAll(in)));
            case Reader r -> field.put("stringValue", readAll(r));
            case Enum<?> e -> field.put("stringValue", e.name());
            default ->
                throw new SQLException(
                        "A parameter of type " + value.getClass().getName() + " cannot be sent over the Data API;"
                                + " pass a String, a number, a boolean, byte[], a java.time value or a UUID.",
                        "22023");
        }
        return null;
    }

    /** The JDBC type of a Java value, for {@code setObject(i, value, targetSqlType)} conversions. */
    static Object convertForType(Object value, int sqlType) {
        if (value == null) return null;
        return switch (sqlType) {
            case Types.DECIMAL, Types.NUMERIC -> value instanceof Number n ? new BigDecimal(n.toString()) : value;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB ->
                value instanceof byte[] ? value : value.toString();
            default -> value;
        };
    }

    static boolean isNull(JsonNode field) {
        return field == null || field.isNull() || field.path("isNull").asBoolean(false);
    }

    /** The text of a returned Field, as the database would print it; null for NULL. */
    static String text(JsonNode field) {
        if (isNull(field)) return null;
        if (field.has("stringValue")) return field.get("stringValue").asText();
        if (field.has("longValue")) return field.get("longValue").asText();
        if (field.has("doubleValue")) return field.get("doubleValue").asText();
        if (field.has("booleanValue")) return field.get("booleanValue").asText();
        if (field.has("blobValue")) return field.get("blobValue").asText();
        if (field.has("arrayValue")) return field.get("arrayValue").toString();
        return field.toString();
    }

    private static byte[] readAll(InputStream in) throws SQLException {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("Reading the stream parameter failed: " + e.getMessage(), "22000", e);
        }
    }

    private static String readAll(Reader r) throws SQLException {
        try (r) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) sb.append(buf, 0, n);
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("Reading the character stream parameter failed: " + e.getMessage(), "22000", e);
        }
    }
}
