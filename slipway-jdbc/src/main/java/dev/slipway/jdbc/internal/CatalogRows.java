package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link java.sql.DatabaseMetaData} answer built in the driver: a catalog query runs over the Data API like any
 * other, and its rows are reshaped into the columns JDBC defines for that method (names, order, types).
 */
public final class CatalogRows {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A JDBC result column: its label and {@link Types} code. */
    public record Column(String name, int type) {

        public static Column text(String name) {
            return new Column(name, Types.VARCHAR);
        }

        public static Column integer(String name) {
            return new Column(name, Types.INTEGER);
        }

        public static Column small(String name) {
            return new Column(name, Types.SMALLINT);
        }

        public static Column bool(String name) {
            return new Column(name, Types.BOOLEAN);
        }
    }

    /** The columns JDBC defines for {@code DatabaseMetaData.getColumns}. */
    public static CatalogRows columns() {
        return new CatalogRows(List.of(
                Column.text("TABLE_CAT"),
                Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"),
                Column.text("COLUMN_NAME"),
                Column.integer("DATA_TYPE"),
                Column.text("TYPE_NAME"),
                Column.integer("COLUMN_SIZE"),
                Column.integer("BUFFER_LENGTH"),
                Column.integer("DECIMAL_DIGITS"),
                Column.integer("NUM_PREC_RADIX"),
                Column.integer("NULLABLE"),
                Column.text("REMARKS"),
                Column.text("COLUMN_DEF"),
                Column.integer("SQL_DATA_TYPE"),
                Column.integer("SQL_DATETIME_SUB"),
                Column.integer("CHAR_OCTET_LENGTH"),
                Column.integer("ORDINAL_POSITION"),
                Column.text("IS_NULLABLE"),
                Column.text("SCOPE_CATALOG"),
                Column.text("SCOPE_SCHEMA"),
                Column.text("SCOPE_TABLE"),
                Column.small("SOURCE_DATA_TYPE"),
                Column.text("IS_AUTOINCREMENT"),
                Column.text("IS_GENERATEDCOLUMN")));
    }

    /** The columns JDBC defines for {@code DatabaseMetaData.getPrimaryKeys}. */
    public static CatalogRows primaryKeys() {
        return new CatalogRows(List.of(
                Column.text("TABLE_CAT"),
                Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"),
                Column.text("COLUMN_NAME"),
                Column.small("KEY_SEQ"),
                Column.text("PK_NAME")));
    }

    /** The columns JDBC defines for {@code DatabaseMetaData.getImportedKeys}. */
    public static CatalogRows importedKeys() {
        return new CatalogRows(List.of(
                Column.text("PKTABLE_CAT"),
                Column.text("PKTABLE_SCHEM"),
                Column.text("PKTABLE_NAME"),
                Column.text("PKCOLUMN_NAME"),
                Column.text("FKTABLE_CAT"),
                Column.text("FKTABLE_SCHEM"),
                Column.text("FKTABLE_NAME"),
                Column.text("FKCOLUMN_NAME"),
                Column.small("KEY_SEQ"),
                Column.small("UPDATE_RULE"),
                Column.small("DELETE_RULE"),
                Column.text("FK_NAME"),
                Column.text("PK_NAME"),
                Column.small("DEFERRABILITY")));
    }

    /** The columns JDBC defines for {@code DatabaseMetaData.getIndexInfo}. */
    public static CatalogRows indexInfo() {
        return new CatalogRows(List.of(
                Column.text("TABLE_CAT"),
                Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"),
                Column.bool("NON_UNIQUE"),
                Column.text("INDEX_QUALIFIER"),
                Column.text("INDEX_NAME"),
                Column.small("TYPE"),
                Column.small("ORDINAL_POSITION"),
                Column.text("COLUMN_NAME"),
                Column.text("ASC_OR_DESC"),
                Column.integer("CARDINALITY"),
                Column.integer("PAGES"),
                Column.text("FILTER_CONDITION")));
    }

    /**
     * {@code DatabaseMetaData.getTables} from {@code information_schema.tables}: the select and its JDBC column
     * names, with {@code filters} (conditions and their values) in between, then the types asked for.
     */
    public static ResultSet tables(
            java.sql.Connection connection,
            String catalogColumn,
            String schemaColumn,
            String filters,
            List<String> values,
            String tableNamePattern,
            String[] types)
            throws SQLException {
        StringBuilder sql = new StringBuilder("select ")
                .append(catalogColumn)
                .append(" as TABLE_CAT, ")
                .append(schemaColumn)
                .append(" as TABLE_SCHEM, table_name as TABLE_NAME, ")
                .append("case table_type when 'BASE TABLE' then 'TABLE' when 'SYSTEM VIEW' then 'SYSTEM VIEW'")
                .append(" else table_type end as TABLE_TYPE, '' as REMARKS, cast(null as char) as TYPE_CAT,")
                .append(" cast(null as char) as TYPE_SCHEM, cast(null as char) as TYPE_NAME,")
                .append(" cast(null as char) as SELF_REFERENCING_COL_NAME, cast(null as char) as REF_GENERATION")
                .append(" from information_schema.tables where 1 = 1")
                .append(filters);
        List<String> all = new ArrayList<>(values);
        if (tableNamePattern != null) {
            sql.append(" and table_name like ?");
            all.add(tableNamePattern);
        }
        if (types != null && types.length > 0) {
            sql.append(" and (case table_type when 'BASE TABLE' then 'TABLE' else table_type end) in (")
                    .append(String.join(", ", java.util.Collections.nCopies(types.length, "?")))
                    .append(")");
            all.addAll(List.of(types));
        }
        sql.append(" order by 4, 1, 2, 3");
        PreparedStatement query = connection.prepareStatement(sql.toString());
        for (int i = 0; i < all.size(); i++) query.setString(i + 1, all.get(i));
        query.closeOnCompletion();
        return query.executeQuery();
    }

    /** A JDBC name pattern, where null means any. */
    public static String or(String pattern) {
        return pattern == null ? "%" : pattern;
    }

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public CatalogRows(List<Column> columns) {
        this.columns = columns;
    }

    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }

    public ResultSet toResultSet(Statement statement) {
        ArrayNode metadata = JSON.arrayNode();
        for (Column c : columns) {
            metadata.addObject()
                    .put("name", c.name())
                    .put("label", c.name())
                    .put("type", c.type())
                    .put("typeName", typeName(c.type()));
        }
        ArrayNode records = JSON.arrayNode();
        for (Object[] row : rows) {
            ArrayNode record = records.addArray();
            for (Object v : row) {
                ObjectNode field = record.addObject();
                if (v == null) field.put("isNull", true);
                else if (v instanceof Boolean b) field.put("booleanValue", b);
                else if (v instanceof Number n) field.put("longValue", n.longValue());
                else field.put("stringValue", v.toString());
            }
        }
        return new DataApiResultSet(statement, metadata, records, 0);
    }

    private static String typeName(int type) {
        return switch (type) {
            case Types.INTEGER -> "int4";
            case Types.SMALLINT -> "int2";
            case Types.BOOLEAN -> "bool";
            default -> "varchar";
        };
    }

    /** Runs a catalog query with string parameters over the Data API and hands each row to {@code row}. */
    public static void query(java.sql.Connection connection, String sql, List<String> parameters, RowReader row)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) p.setString(i + 1, parameters.get(i));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) row.read(rs);
            }
        }
    }

    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
