package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/** A result's columns as the Data API's {@code columnMetadata} describes them (the server driver's own values). */
final class DataApiResultSetMetaData implements ResultSetMetaData {

    private final JsonNode columns;

    DataApiResultSetMetaData(JsonNode columns) {
        this.columns =
                columns == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : columns;
    }

    private JsonNode column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("Column " + i + " is outside 1.." + columns.size() + ".", "07009");
        }
        return columns.get(i - 1);
    }

    int indexOf(String label) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i)
                    .path("label")
                    .asText(columns.get(i).path("name").asText())
                    .equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).path("name").asText().equalsIgnoreCase(label)) return i + 1;
        }
        throw new SQLException("The result has no column " + label + ".", "42703");
    }

    boolean isTimestampWithZone(int i) throws SQLException {
        String type = getColumnTypeName(i).toLowerCase(Locale.ROOT);
        return type.equals("timestamptz")
                || type.equals("timestamp with time zone")
                || getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int i) throws SQLException {
        return column(i).path("isAutoIncrement").asBoolean(false);
    }

    @Override
    public boolean isCaseSensitive(int i) throws SQLException {
        return column(i).path("isCaseSensitive").asBoolean(false);
    }

    @Override
    public boolean isSearchable(int i) {
        return true;
    }

    @Override
    public boolean isCurrency(int i) throws SQLException {
        return column(i).path("isCurrency").asBoolean(false);
    }

    @Override
    public int isNullable(int i) throws SQLException {
        return column(i).path("nullable").asInt(columnNullableUnknown);
    }

    @Override
    public boolean isSigned(int i) throws SQLException {
        return column(i).path("isSigned").asBoolean(false);
    }

    @Override
    public int getColumnDisplaySize(int i) throws SQLException {
        return column(i).path("precision").asInt(0);
    }

    @Override
    public String getColumnLabel(int i) throws SQLException {
        JsonNode c = column(i);
        return c.path("label").asText(c.path("name").asText());
    }

    @Override
    public String getColumnName(int i) throws SQLException {
        return column(i).path("name").asText();
    }

    @Override
    public String getSchemaName(int i) throws SQLException {
        return column(i).path("schemaName").asText("");
    }

    @Override
    public int getPrecision(int i) throws SQLException {
        return column(i).path("precision").asInt(0);
    }

    @Override
    public int getScale(int i) throws SQLException {
        return column(i).path("scale").asInt(0);
    }

    @Override
    public String getTableName(int i) throws SQLException {
        return column(i).path("tableName").asText("");
    }

    @Override
    public String getCatalogName(int i) {
        return "";
    }

    @Override
    public int getColumnType(int i) throws SQLException {
        return column(i).path("type").asInt(Types.OTHER);
    }

    @Override
    public String getColumnTypeName(int i) throws SQLException {
        return column(i).path("typeName").asText("");
    }

    @Override
    public boolean isReadOnly(int i) {
        return false;
    }

    @Override
    public boolean isWritable(int i) {
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int i) {
        return false;
    }

    @Override
    public String getColumnClassName(int i) throws SQLException {
        return switch (getColumnType(i)) {
            case Types.BIT, Types.BOOLEAN -> Boolean.class.getName();
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.class.getName();
            case Types.BIGINT -> Long.class.getName();
            case Types.REAL -> Float.class.getName();
            case Types.FLOAT, Types.DOUBLE -> Double.class.getName();
            case Types.NUMERIC, Types.DECIMAL -> java.math.BigDecimal.class.getName();
            case Types.DATE -> java.sql.Date.class.getName();
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> java.sql.Time.class.getName();
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> java.sql.Timestamp.class.getName();
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> byte[].class.getName();
            default -> String.class.getName();
        };
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("Not a wrapper for " + type.getName(), "0A000");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
