package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of one Data API answer ({@code records}, described by {@code columnMetadata}), forward-only and
 * read-only: the Data API returns a result whole. Values convert as a native driver's do; a PostgreSQL
 * {@code timestamptz}, which the Data API returns in UTC without an offset, reads as that instant (its text gets
 * {@code +00}, as pgjdbc prints it in a UTC session).
 */
final class DataApiResultSet extends DerivedGetters {

    private final Statement statement;
    private final DataApiResultSetMetaData metaData;
    private final JsonNode records;
    private final int rows;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    DataApiResultSet(Statement statement, JsonNode columns, JsonNode records, long maxRows) {
        this.statement = statement;
        this.metaData = new DataApiResultSetMetaData(columns);
        this.records = records;
        this.rows = maxRows > 0 ? (int) Math.min(maxRows, records.size()) : records.size();
    }

    /** Generated keys, one row per key: MySQL's {@code generatedFields}, in a column named {@code GENERATED_KEY}. */
    static DataApiResultSet generatedKeys(Statement statement, List<JsonNode> generatedFields) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode columns = json.arrayNode();
        columns.addObject()
                .put("name", "GENERATED_KEY")
                .put("label", "GENERATED_KEY")
                .put("type", Types.BIGINT)
                .put("typeName", "BIGINT");
        ArrayNode records = json.arrayNode();
        for (JsonNode fields : generatedFields) {
            for (JsonNode field : fields) records.addArray().add(field);
        }
        return new DataApiResultSet(statement, columns, records, 0);
    }

    private JsonNode field(int column) throws SQLException {
        if (closed) throw new SQLException("This result set is closed.", "HY010");
        if (row < 0 || row >= rows) throw new SQLException("The cursor is not on a row; call next() first.", "24000");
        if (column < 1 || column > metaData.getColumnCount()) {
            throw new SQLException("Column " + column + " is outside 1.." + metaData.getColumnCount() + ".", "07009");
        }
        JsonNode f = records.get(row).get(column - 1);
        wasNull = Fields.isNull(f);
        return f;
    }

    @Override
    public boolean next() throws SQLException {
        if (closed) throw new SQLException("This result set is closed.", "HY010");
        if (row < rows) row++;
        return row < rows;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        return metaData.indexOf(label);
    }

    // ---- typed getters ----

    @Override
    public String getString(int i) throws SQLException {
        JsonNode f = field(i);
        String text = Fields.text(f);
        if (text != null && f.has("stringValue") && metaData.isTimestampWithZone(i)) return text + "+00";
        return text;
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        JsonNode f = field(i);
        if (wasNull) return false;
        if (f.has("booleanValue")) return f.get("booleanValue").asBoolean();
        if (f.has("longValue")) return f.get("longValue").asLong() != 0;
        String s = Fields.text(f).trim().toLowerCase(Locale.ROOT);
        return s.equals("t") || s.equals("true") || s.equals("1") || s.equals("y") || s.equals("yes");
    }

    @Override
    public long getLong(int i) throws SQLException {
        JsonNode f = field(i);
        if (wasNull) return 0;
        if (f.has("longValue")) return f.get("longValue").asLong();
        if (f.has("doubleValue")) return (long) f.get("doubleValue").asDouble();
        if (f.has("booleanValue")) return f.get("booleanValue").asBoolean() ? 1 : 0;
        try {
            return new BigDecimal(Fields.text(f).trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw conversion(i, "long", f);
        }
    }

    @Override
    public int getInt(int i) throws SQLException {
        long v = getLong(i);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw conversion(i, "int", field(i));
        return (int) v;
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) getLong(i);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) getLong(i);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        JsonNode f = field(i);
        if (wasNull) return 0;
        if (f.has("doubleValue") || f.has("longValue"))
            return f.path("doubleValue").isMissingNode()
                    ? f.get("longValue").asLong()
                    : f.get("doubleValue").asDouble();
        try {
            return Double.parseDouble(Fields.text(f).trim());
        } catch (NumberFormatException e) {
            throw conversion(i, "double", f);
        }
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return (float) getDouble(i);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        JsonNode f = field(i);
        if (wasNull) return null;
        if (f.has("longValue")) return BigDecimal.valueOf(f.get("longValue").asLong());
        if (f.has("doubleValue")) return BigDecimal.valueOf(f.get("doubleValue").asDouble());
        try {
            return new BigDecimal(Fields.text(f).trim());
        } catch (NumberFormatException e) {
            throw conversion(i, "BigDecimal", f);
        }
    }

    @Override
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(i);
        return d == null ? null : d.setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        JsonNode f = field(i);
        if (wasNull) return null;
        if (f.has("blobValue"))
            return Base64.getDecoder().decode(f.get("blobValue").asText());
        return Fields.text(f).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        LocalDate d = localDate(i);
        return d == null ? null : Date.valueOf(d);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return getDate(i);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        LocalTime t = localTime(i);
        return t == null ? null : Time.valueOf(t);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return getTime(i);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        LocalDateTime t = localDateTime(i);
        if (t == null) return null;
        return metaData.isTimestampWithZone(i) ? Timestamp.from(t.toInstant(ZoneOffset.UTC)) : Timestamp.valueOf(t);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        LocalDateTime t = localDateTime(i);
        if (t == null) return null;
        if (metaData.isTimestampWithZone(i) || cal == null) return getTimestamp(i);
        return Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
    }

    private LocalDate localDate(int i) throws SQLException {
        String s = text(i);
        if (s == null) return null;
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw conversion(i, "date", field(i));
        }
    }

    private LocalTime localTime(int i) throws SQLException {
        String s = text(i);
        if (s == null) return null;
        try {
            String time = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(11) : s;
            return LocalTime.parse(time.replaceAll("[+-]\\d\\d(:?\\d\\d)?$", ""), Fields.TIME);
        } catch (DateTimeParseException e) {
            throw conversion(i, "time", field(i));
        }
    }

    private LocalDateTime localDateTime(int i) throws SQLException {
        String s = text(i);
        if (s == null) return null;
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay();
            return LocalDateTime.parse(s.replace('T', ' '), Fields.TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw conversion(i, "timestamp", field(i));
        }
    }

    /** The raw text of a value (no {@code +00}); null for NULL. */
    private String text(int i) throws SQLException {
        JsonNode f = field(i);
        return wasNull ? null : Fields.text(f);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        JsonNode f = field(i);
        if (wasNull) return null;
        return switch (metaData.getColumnType(i)) {
            case Types.BIT, Types.BOOLEAN -> f.has("blobValue") ? getBytes(i) : getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> getInt(i);
            case Types.BIGINT -> getLong(i);
            case Types.REAL -> getFloat(i);
            case Types.FLOAT, Types.DOUBLE -> getDouble(i);
            case Types.NUMERIC, Types.DECIMAL -> getBigDecimal(i);
            case Types.DATE -> getDate(i);
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> getTime(i);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> getTimestamp(i);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> getBytes(i);
            default -> {
                if (f.has("longValue")) yield f.get("longValue").asLong();
                if (f.has("doubleValue")) yield f.get("doubleValue").asDouble();
                if (f.has("booleanValue")) yield f.get("booleanValue").asBoolean();
                if (f.has("blobValue")) yield getBytes(i);
                if (metaData.getColumnTypeName(i).equalsIgnoreCase("uuid")) yield UUID.fromString(text(i));
                yield getString(i);
            }
        };
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        field(i);
        if (wasNull) return null;
        Object value;
        if (type == String.class) value = getString(i);
        else if (type == Long.class) value = getLong(i);
        else if (type == Integer.class) value = getInt(i);
        else if (type == Short.class) value = getShort(i);
        else if (type == Byte.class) value = getByte(i);
        else if (type == Boolean.class) value = getBoolean(i);
        else if (type == Double.class) value = getDouble(i);
        else if (type == Float.class) value = getFloat(i);
        else if (type == BigDecimal.class) value = getBigDecimal(i);
        else if (type == BigInteger.class) value = getBigDecimal(i).toBigIntegerExact();
        else if (type == byte[].class) value = getBytes(i);
        else if (type == LocalDate.class) value = localDate(i);
        else if (type == LocalTime.class) value = localTime(i);
        else if (type == LocalDateTime.class) value = localDateTime(i);
        else if (type == OffsetDateTime.class) value = localDateTime(i).atOffset(ZoneOffset.UTC);
        else if (type == Instant.class) value = localDateTime(i).toInstant(ZoneOffset.UTC);
        else if (type == OffsetTime.class) value = localTime(i).atOffset(ZoneOffset.UTC);
        else if (type == UUID.class) value = UUID.fromString(text(i));
        else if (type == Date.class) value = getDate(i);
        else if (type == Time.class) value = getTime(i);
        else if (type == Timestamp.class) value = getTimestamp(i);
        else if (type == Object.class) value = getObject(i);
        else throw Unsupported.feature("getObject(" + i + ", " + type.getName() + ")");
        return type.cast(value);
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    // ---- the rest ----

    @Override
    public ResultSetMetaData getMetaData() {
        return metaData;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public int getRow() {
        return row >= 0 && row < rows ? row + 1 : 0;
    }

    @Override
    public boolean isBeforeFirst() {
        return row < 0 && rows > 0;
    }

    @Override
    public boolean isAfterLast() {
        return row >= rows && rows > 0;
    }

    @Override
    public boolean isFirst() {
        return row == 0 && rows > 0;
    }

    @Override
    public boolean isLast() {
        return row == rows - 1 && rows > 0;
    }

    @Override
    public int getFetchSize() {
        return rows;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private SQLException conversion(int i, String to, JsonNode f) throws SQLException {
        return new SQLException(
                "Column " + metaData.getColumnLabel(i) + " (" + metaData.getColumnTypeName(i) + ") holds " + f
                        + ", which is not a " + to + ".",
                "22018");
    }
}
