package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a JDBC result set into the Data API's {@code records} (lists of {@code Field}) or {@code formattedRecords}
 * (a JSON string), following AWS's mapping: integers as {@code longValue}, floats {@code doubleValue}, decimals
 * exact strings, booleans, bytes as base64 {@code blobValue}, one-dimensional arrays as {@code arrayValue}, dates
 * and everything else as strings; timestamps with a time zone in UTC without an offset.
 */
final class Results {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What {@code resultSetOptions} asks for. */
    record Options(boolean decimalsAsNumbers, boolean longsAsStrings) {
        static Options from(JsonNode resultSetOptions) {
            if (resultSetOptions == null || resultSetOptions.isNull()) return new Options(false, false);
            return new Options(
                    "DOUBLE_OR_LONG"
                            .equals(resultSetOptions.path("decimalReturnType").asText()),
                    "STRING".equals(resultSetOptions.path("longReturnType").asText()));
        }
    }

    private Results() {}

    static ArrayNode records(ResultSet rs, Options options, ResponseBudget budget) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        ArrayNode records = JSON.arrayNode();
        while (rs.next()) {
            ArrayNode row = records.addArray();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                ObjectNode field = field(rs, i, meta, options);
                budget.add(field);
                row.add(field);
            }
        }
        return records;
    }

    static String formatted(ResultSet rs, Options options, ResponseBudget budget) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Set<String> labels = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (!labels.add(meta.getColumnLabel(i))) {
                throw DataApiException.badRequest("The result has two columns named " + meta.getColumnLabel(i)
                        + "; formatRecordsAs JSON needs unique column names (use AS).");
            }
        }
        ArrayNode rows = JSON.arrayNode();
        while (rs.next()) {
            ObjectNode row = rows.addObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                JsonNode value = json(rs, i, meta, options);
                budget.add(meta.getColumnLabel(i), value);
                row.set(meta.getColumnLabel(i), value);
            }
        }
        return rows.toString();
    }

    static ArrayNode columnMetadata(ResultSetMetaData meta) throws SQLException {
        ArrayNode columns = JSON.arrayNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            ObjectNode c = columns.addObject();
            c.put("name", meta.getColumnName(i));
            c.put("type", meta.getColumnType(i));
            c.put("typeName", meta.getColumnTypeName(i));
            c.put("label", meta.getColumnLabel(i));
            c.put("schemaName", nullToEmpty(meta.getSchemaName(i)));
            c.put("tableName", nullToEmpty(meta.getTableName(i)));
            c.put("isAutoIncrement", meta.isAutoIncrement(i));
            c.put("isSigned", meta.isSigned(i));
            c.put("isCurrency", meta.isCurrency(i));
            c.put("isCaseSensitive", meta.isCaseSensitive(i));
            c.put("nullable", meta.isNullable(i));
            c.put("precision", meta.getPrecision(i));
            c.put("scale", meta.getScale(i));
            c.put("arrayBaseColumnType", 0);
        }
        return columns;
    }

    /** One value as a {@code Field}. */
    static ObjectNode field(ResultSet rs, int i, ResultSetMetaData meta, Options options) throws SQLException {
        ObjectNode field = JSON.objectNode();
        Object value = value(rs, i, meta, options);
        if (value == null) return field.put("isNull", true);
        return switch (value) {
            case Boolean b -> field.put("booleanValue", b);
            case Long l -> field.put("longValue", l);
            case Double d -> field.put("doubleValue", d);
            case byte[] bytes -> field.put("blobValue", Base64.getEncoder().encodeToString(bytes));
            case ObjectNode array -> field.set("arrayValue", array);
            default -> field.put("stringValue", value.toString());
        };
    }

    private static JsonNode json(ResultSet rs, int i, ResultSetMetaData meta, Options options) throws SQLException {
        Object value = value(rs, i, meta, options);
        if (value == null) return JSON.nullNode();
        return switch (value) {
            case Boolean b -> JSON.booleanNode(b);
            case Long l -> JSON.numberNode(l);
            case Double d -> JSON.numberNode(d);
            case byte[] bytes -> JSON.textNode(Base64.getEncoder().encodeToString(bytes));
            case ObjectNode array -> array.elements().next();
            default -> JSON.textNode(value.toString());
        };
    }

    /** The value in the Java type that decides its Field member; null for SQL NULL. */
    private static Object value(ResultSet rs, int i, ResultSetMetaData meta, Options options) throws SQLException {
        int type = meta.getColumnType(i);
        String typeName = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        Object value = switch (type) {
            case Types.BIT, Types.BOOLEAN -> meta.getPrecision(i) > 1 ? rs.getBytes(i) : rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                BigDecimal n = rs.getBigDecimal(i);
                yield n == null ? null : options.longsAsStrings() ? n.toPlainString() : (Object) n.longValueExact();
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.NUMERIC, Types.DECIMAL -> decimal(rs.getBigDecimal(i), options);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
            case Types.DATE -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> {
                LocalTime t = typeName.equals("timetz")
                        ? rs.getObject(i, java.time.OffsetTime.class)
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalTime()
                        : rs.getObject(i, LocalTime.class);
                yield t == null ? null : TIME.format(t) + fraction(t.getNano());
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(rs, i, typeName);
            case Types.ARRAY -> array(rs.getArray(i));
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static Object decimal(BigDecimal d, Options options) {
        if (d == null) return null;
        if (!options.decimalsAsNumbers()) return d.toPlainString();
        return d.scale() <= 0 ? (Object) d.longValue() : (Object) d.doubleValue();
    }

    private static String timestamp(ResultSet rs, int i, String typeName) throws SQLException {
        LocalDateTime t;
        if (typeName.equals("timestamptz")) {
            OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
            if (o == null) return null;
            t = o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else {
            t = rs.getObject(i, LocalDateTime.class);
            if (t == null) return null;
        }
        return DATE_TIME.format(t) + fraction(t.getNano());
    }

    /** {@code .123} for 123 ms, {@code .000001} for 1 µs, nothing for whole seconds: trailing zeros dropped. */
    private static String fraction(int nanos) {
        if (nanos == 0) return "";
        String digits = String.format("%09d", nanos).replaceFirst("0+$", "");
        return "." + digits;
    }

    /** A one-dimensional array as an {@code ArrayValue}: {@code {"longValues": [...]}} by element type. */
    private static ObjectNode array(Array array) throws SQLException {
        if (array == null) return null;
        Object[] values = (Object[]) array.getArray();
        String member = null;
        ArrayNode list = JSON.arrayNode();
        for (Object v : values) {
            if (v instanceof Object[])
                throw DataApiException.unsupportedResult("Multidimensional arrays are not supported.");
            switch (v) {
                case null -> list.addNull();
                case Boolean b -> {
                    member = "booleanValues";
                    list.add(b);
                }
                case Short s -> {
                    member = "longValues";
                    list.add(s.longValue());
                }
                case Integer n -> {
                    member = "longValues";
                    list.add(n.longValue());
                }
                case Long l -> {
                    member = "longValues";
                    list.add(l);
                }
                case Float f -> {
                    member = "doubleValues";
                    list.add(f.doubleValue());
                }
                case Double d -> {
                    member = "doubleValues";
                    list.add(d);
                }
                default -> {
                    member = "stringValues";
                    list.add(v.toString());
                }
            }
        }
        ObjectNode wrapper = JSON.objectNode();
        wrapper.set(member == null ? "stringValues" : member, list);
        return wrapper;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
