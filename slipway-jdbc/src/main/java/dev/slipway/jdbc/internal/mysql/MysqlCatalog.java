package dev.slipway.jdbc.internal.mysql;

import dev.slipway.jdbc.internal.CatalogQueries;
import dev.slipway.jdbc.internal.CatalogRows;
import dev.slipway.jdbc.internal.CatalogRows.Column;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL's and MariaDB's catalog in JDBC's shape, read from {@code information_schema} over the Data API, with the
 * values MariaDB Connector/J reports by default (databases as catalogs; type names upper-case without their size,
 * {@code tinyint(1)} as {@code BOOLEAN}; date and time sizes from their fractional digits), so that jOOQ's
 * {@code meta()} reads a schema through the Data API as it does through that driver. {@code CatalogOverDataApiIT}
 * compares the two on the same databases.
 */
final class MysqlCatalog implements CatalogQueries {

    private static final Map<String, Integer> TYPES = Map.ofEntries(
            Map.entry("BIT", Types.BIT),
            Map.entry("BOOLEAN", Types.BOOLEAN),
            Map.entry("TINYINT", Types.TINYINT),
            Map.entry("SMALLINT", Types.SMALLINT),
            Map.entry("MEDIUMINT", Types.INTEGER),
            Map.entry("INT", Types.INTEGER),
            Map.entry("BIGINT", Types.BIGINT),
            Map.entry("FLOAT", Types.REAL),
            Map.entry("DOUBLE", Types.DOUBLE),
            Map.entry("DECIMAL", Types.DECIMAL),
            Map.entry("CHAR", Types.CHAR),
            Map.entry("VARCHAR", Types.VARCHAR),
            Map.entry("TEXT", Types.LONGVARCHAR),
            Map.entry("LONGTEXT", Types.LONGVARCHAR),
            Map.entry("MEDIUMTEXT", Types.LONGVARCHAR),
            Map.entry("DATE", Types.DATE),
            Map.entry("TIME", Types.TIME),
            Map.entry("DATETIME", Types.TIMESTAMP),
            Map.entry("TIMESTAMP", Types.TIMESTAMP),
            Map.entry("BINARY", Types.BINARY),
            Map.entry("VARBINARY", Types.VARBINARY),
            Map.entry("BLOB", Types.LONGVARBINARY),
            Map.entry("LONGBLOB", Types.LONGVARBINARY));

    private final java.sql.Connection connection;
    private final Statement owner;

    MysqlCatalog(java.sql.Connection connection) throws SQLException {
        this.connection = connection;
        this.owner = connection.createStatement();
    }

    @Override
    public ResultSet catalogs() throws SQLException {
        CatalogRows rows = new CatalogRows(List.of(Column.text("TABLE_CAT")));
        CatalogRows.query(
                connection,
                "select schema_name from information_schema.schemata order by 1",
                List.of(),
                rs -> rows.add(rs.getString(1)));
        return rows.toResultSet(owner);
    }

    /** Databases are catalogs here: the one asked for (as catalog or schema), else the connection's. */
    @Override
    public ResultSet tables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        String database = catalog != null ? catalog : schemaPattern;
        return CatalogRows.tables(
                connection,
                "table_schema",
                "cast(null as char)",
                database != null ? " and table_schema like ?" : " and table_schema = database()",
                database != null ? List.of(database) : List.of(),
                tableNamePattern,
                types);
    }

    /** Databases are catalogs here, as Connector/J reports them by default: no schemas. */
    @Override
    public ResultSet schemas(String schemaPattern) throws SQLException {
        return new CatalogRows(List.of(Column.text("TABLE_SCHEM"), Column.text("TABLE_CATALOG"))).toResultSet(owner);
    }

    @Override
    public ResultSet columns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException {
        CatalogRows rows = CatalogRows.columns();
        CatalogRows.query(
                connection,
                "select table_schema, table_name, column_name, column_type, data_type, numeric_precision,"
                        + " numeric_scale, character_maximum_length, datetime_precision, is_nullable,"
                        + " column_comment, column_default, character_octet_length, ordinal_position, extra"
                        + " from information_schema.columns where table_schema like ? and table_name like ?"
                        + " and column_name like ? order by table_schema, table_name, ordinal_position",
                List.of(database(catalog), CatalogRows.or(tablePattern), CatalogRows.or(columnPattern)),
                rs -> {
                    String columnType = rs.getString(4);
                    String dataType = rs.getString(5).toLowerCase(Locale.ROOT);
                    String typeName = typeName(columnType);
                    Long precision = nullableLong(rs, 6);
                    Long scale = nullableLong(rs, 7);
                    Long length = nullableLong(rs, 8);
                    Long fraction = nullableLong(rs, 9);
                    String extra = rs.getString(15);
                    boolean nullable = rs.getString(10).equalsIgnoreCase("YES");
                    Long octets = nullableLong(rs, 13);
                    rows.add(
                            rs.getString(1),
                            null,
                            rs.getString(2),
                            rs.getString(3),
                            TYPES.getOrDefault(typeName.replace(" UNSIGNED", ""), Types.OTHER),
                            typeName,
                            size(dataType, precision, length, fraction),
                            65535,
                            dataType.equals("tinyint") ? Long.valueOf(0) : scale,
                            10,
                            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                            rs.getString(11),
                            rs.getString(12),
                            0,
                            0,
                            octets == null ? null : Math.min(octets, Integer.MAX_VALUE),
                            rs.getInt(14),
                            rs.getString(10),
                            null,
                            null,
                            null,
                            null,
                            "auto_increment".equalsIgnoreCase(extra) ? "YES" : "NO",
                            List.of("VIRTUAL", "PERSISTENT", "VIRTUAL GENERATED", "STORED GENERATED")
                                            .contains(extra == null ? "" : extra.toUpperCase(Locale.ROOT))
                                    ? "YES"
                                    : "NO");
                });
        return rows.toResultSet(owner);
    }

    /** {@code varchar(40)} -> {@code VARCHAR}, {@code int(10) unsigned} -> {@code INT UNSIGNED}, tinyint(1) -> BOOLEAN. */
    static String typeName(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT);
        if (type.startsWith("tinyint(1)")) return "BOOLEAN";
        int open = type.indexOf('(');
        int close = type.indexOf(')');
        if (open >= 0 && close > open) type = type.substring(0, open) + type.substring(close + 1);
        return type.toUpperCase(Locale.ROOT);
    }

    private static Long size(String dataType, Long precision, Long length, Long fraction) {
        long digits = fraction == null ? 0 : fraction;
        return switch (dataType) {
            case "date" -> 10L;
            case "time" -> digits == 0 ? 10L : 11 + digits;
            case "datetime", "timestamp" -> digits == 0 ? 19L : 20 + digits;
            default -> precision != null ? precision : length == null ? null : Math.min(length, Integer.MAX_VALUE);
        };
    }

    @Override
    public ResultSet primaryKeys(String catalog, String schema, String table) throws SQLException {
        CatalogRows rows = CatalogRows.primaryKeys();
        CatalogRows.query(
                connection,
                "select table_schema, table_name, column_name, ordinal_position, constraint_name"
                        + " from information_schema.key_column_usage where constraint_name = 'PRIMARY'"
                        + " and table_schema like ? and table_name like ? order by column_name",
                List.of(database(catalog), CatalogRows.or(table)),
                rs -> rows.add(rs.getString(1), null, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
        return rows.toResultSet(owner);
    }

    @Override
    public ResultSet importedKeys(String catalog, String schema, String table) throws SQLException {
        CatalogRows rows = CatalogRows.importedKeys();
        CatalogRows.query(
                connection,
                "select k.referenced_table_schema, k.referenced_table_name, k.referenced_column_name,"
                        + " k.table_schema, k.table_name, k.column_name, k.position_in_unique_constraint,"
                        + " r.update_rule, r.delete_rule, r.constraint_name, r.unique_constraint_name"
                        + " from information_schema.key_column_usage k"
                        + " join information_schema.referential_constraints r"
                        + " on k.constraint_schema = r.constraint_schema and k.constraint_name = r.constraint_name"
                        + " where k.table_schema like ? and k.table_name like ?"
                        + " order by k.referenced_table_schema, k.referenced_table_name, k.position_in_unique_constraint",
                List.of(database(catalog), CatalogRows.or(table)),
                rs -> rows.add(
                        rs.getString(1),
                        null,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        null,
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rule(rs.getString(8)),
                        rule(rs.getString(9)),
                        rs.getString(10),
                        rs.getString(11),
                        DatabaseMetaData.importedKeyNotDeferrable));
        return rows.toResultSet(owner);
    }

    private static int rule(String action) {
        return switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> DatabaseMetaData.importedKeyCascade;
            case "SET NULL" -> DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT" -> DatabaseMetaData.importedKeySetDefault;
            case "NO ACTION" -> DatabaseMetaData.importedKeyNoAction;
            default -> DatabaseMetaData.importedKeyRestrict;
        };
    }

    @Override
    public ResultSet indexInfo(String catalog, String schema, String table, boolean unique) throws SQLException {
        CatalogRows rows = CatalogRows.indexInfo();
        CatalogRows.query(
                connection,
                "select table_schema, table_name, non_unique, index_schema, index_name, seq_in_index, column_name,"
                        + " collation, cardinality from information_schema.statistics"
                        + " where table_schema like ? and table_name like ?" + (unique ? " and non_unique = 0" : "")
                        + " order by non_unique, index_name, seq_in_index",
                List.of(database(catalog), CatalogRows.or(table)),
                rs -> rows.add(
                        rs.getString(1),
                        null,
                        rs.getString(2),
                        rs.getInt(3) != 0,
                        rs.getString(4),
                        rs.getString(5),
                        (int) DatabaseMetaData.tableIndexOther,
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9),
                        0,
                        null));
        return rows.toResultSet(owner);
    }

    /** The database to look in: the catalog asked for, else the connection's. */
    private String database(String catalog) throws SQLException {
        if (catalog != null && !catalog.isEmpty()) return catalog;
        String current = connection.getCatalog();
        return current == null ? "%" : current;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
