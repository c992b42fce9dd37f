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

    /**
     * An if-chain, not a pattern switch: a switch on types bootstraps through the ClassFile API at first use (about
     * 150 classes at a cold start, measured with {@code -Xlog:class+load}).
     */
    private static String encode(ObjectNode field, Object value) throws SQLException {
        if (value == null) {
            field.put("isNull", true);
        } else if (value instanceof Boolean b) {
            field.put("booleanValue", b);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            field.put("longValue", ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            field.put("doubleValue", ((Number) value).doubleValue());
        } else if (value instanceof String text) {
            field.put("stringValue", text);
        } else if (value instanceof BigDecimal d) {
            return text(field, d.toPlainString(), "DECIMAL");
        } else if (value instanceof BigInteger i) {
            return text(field, i.toString(), "DECIMAL");
        } else if (value instanceof Character c) {
            field.put("stringValue", c.toString());
        } else if (value instanceof byte[] bytes) {
            field.put("blobValue", Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof UUID u) {
            return text(field, u.toString(), "UUID");
        } else if (value instanceof java.sql.Timestamp t) {
            return text(field, TIMESTAMP.format(t.toLocalDateTime()), "TIMESTAMP");
        } else if (value instanceof java.sql.Time t) {
            return text(field, TIME.format(t.toLocalTime()), "TIME");
        } else if (value instanceof java.sql.Date d) {
            return text(field, d.toLocalDate().toString(), "DATE");
        } else if (value instanceof java.util.Date d) {
            return text(field, TIMESTAMP.format(LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC)), "TIMESTAMP");
        } else if (value instanceof LocalDate d) {
            return text(field, d.toString(), "DATE");
        } else if (value instanceof LocalTime t) {
            return text(field, TIME.format(t), "TIME");
        } else if (value instanceof OffsetTime t) {
            return text(
                    field, TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()), "TIME");
        } else if (value instanceof LocalDateTime t) {
            return text(field, TIMESTAMP.format(t), "TIMESTAMP");
        } else if (value instanceof OffsetDateTime t) {
            return text(
                    field, TIMESTAMP.format(t.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()), "TIMESTAMP");
        } else if (value instanceof ZonedDateTime t) {
            return text(
                    field,
                    TIMESTAMP.format(t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                    "TIMESTAMP");
        } else if (value instanceof Instant t) {
            return text(field, TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)), "TIMESTAMP");
        } else if (value instanceof InputStream in) {
            field.put("blobValue", Base64.getEncoder().encodeToString(readAll(in)));
        } else if (value instanceof Reader r) {
            field.put("stringValue", readAll(r));
        } else if (value instanceof Enum<?> e) {
            field.put("stringValue", e.name());
        } else {
            throw new SQLException(
                    "A parameter of type " + value.getClass().getName() + " cannot be sent over the Data API;"
                            + " pass a String, a number, a boolean, byte[], a java.time value or a UUID.",
                    "22023");
        }
        return null;
    }

    private static String text(ObjectNode field, String text, String typeHint) {
        field.put("stringValue", text);
        return typeHint;
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
