package dev.slipway.jdbc.internal.postgresql;

import dev.slipway.jdbc.internal.CatalogQueries;
import dev.slipway.jdbc.internal.CatalogRows;
import dev.slipway.jdbc.internal.CatalogRows.Column;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's catalog in JDBC's shape, read from {@code pg_catalog} over the Data API, with the values pgjdbc
 * reports (type names as {@code pg_type.typname}, serial columns as {@code serial}/{@code bigserial}, sizes from
 * the type modifier), so that jOOQ's {@code meta()} reads a schema through the Data API as it does through
 * pgjdbc. {@code CatalogMetadataIT} compares the two on the same databases.
 */
final class PostgresCatalog implements CatalogQueries {

    private static final Map<String, Integer> TYPES = Map.ofEntries(
            Map.entry("int2", Types.SMALLINT),
            Map.entry("int4", Types.INTEGER),
            Map.entry("int8", Types.BIGINT),
            Map.entry("serial", Types.INTEGER),
            Map.entry("bigserial", Types.BIGINT),
            Map.entry("smallserial", Types.SMALLINT),
            Map.entry("float4", Types.REAL),
            Map.entry("float8", Types.DOUBLE),
            Map.entry("numeric", Types.NUMERIC),
            Map.entry("bool", Types.BIT),
            Map.entry("bpchar", Types.CHAR),
            Map.entry("varchar", Types.VARCHAR),
            Map.entry("text", Types.VARCHAR),
            Map.entry("date", Types.DATE),
            Map.entry("time", Types.TIME),
            Map.entry("timetz", Types.TIME),
            Map.entry("timestamp", Types.TIMESTAMP),
            Map.entry("timestamptz", Types.TIMESTAMP),
            Map.entry("bytea", Types.BINARY));

    private final java.sql.Connection connection;
    private final Statement owner;

    PostgresCatalog(java.sql.Connection connection) throws SQLException {
        this.connection = connection;
        this.owner = connection.createStatement();
    }

    @Override
    public ResultSet catalogs() throws SQLException {
        CatalogRows rows = new CatalogRows(List.of(Column.text("TABLE_CAT")));
        CatalogRows.query(connection, "select current_database()", List.of(), rs -> rows.add(rs.getString(1)));
        return rows.toResultSet(owner);
    }

    @Override
    public ResultSet tables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        StringBuilder filters = new StringBuilder();
        List<String> values = new ArrayList<>();
        if (catalog != null) {
            filters.append(" and table_catalog = ?");
            values.add(catalog);
        }
        if (schemaPattern != null) {
            filters.append(" and table_schema like ?");
            values.add(schemaPattern);
        }
        return CatalogRows.tables(
                connection, "table_catalog", "table_schema", filters.toString(), values, tableNamePattern, types);
    }

    @Override
    public ResultSet schemas(String schemaPattern) throws SQLException {
        CatalogRows rows = new CatalogRows(List.of(Column.text("TABLE_SCHEM"), Column.text("TABLE_CATALOG")));
        CatalogRows.query(
                connection,
                "select nspname, current_database() from pg_catalog.pg_namespace where nspname like ?"
                        + " and nspname !~ '^pg_toast' and nspname !~ '^pg_temp_' order by 1",
                List.of(schemaPattern == null ? "%" : schemaPattern),
                rs -> rows.add(rs.getString(1), rs.getString(2)));
        return rows.toResultSet(owner);
    }

    @Override
    public ResultSet columns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException {
        CatalogRows rows = CatalogRows.columns();
        String sql = "select current_database(), n.nspname, c.relname, a.attname, t.typname, a.atttypmod,"
                + " a.attnotnull or (t.typtype = 'd' and t.typnotnull), pg_catalog.pg_get_expr(d.adbin, d.adrelid),"
                + " a.attidentity, a.attgenerated, a.attnum, pg_catalog.col_description(c.oid, a.attnum),"
                + " coalesce(bt.typname, t.typname)"
                + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " join pg_catalog.pg_type t on t.oid = a.atttypid"
                + " left join pg_catalog.pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype"
                + " left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f')"
                + " and n.nspname like ? and c.relname like ? and a.attname like ?"
                + " order by n.nspname, c.relname, a.attnum";
        CatalogRows.query(
                connection,
                sql,
                List.of(CatalogRows.or(schemaPattern), CatalogRows.or(tablePattern), CatalogRows.or(columnPattern)),
                rs -> {
                    String typeName = rs.getString(5);
                    int typmod = rs.getInt(6);
                    boolean notNull = rs.getBoolean(7);
                    String def = rs.getString(8);
                    String identity = rs.getString(9);
                    String generated = rs.getString(10);
                    String base = rs.getString(13);
                    boolean serial = def != null && def.startsWith("nextval(");
                    if (serial) {
                        typeName = switch (typeName) {
                            case "int4" -> "serial";
                            case "int8" -> "bigserial";
                            case "int2" -> "smallserial";
                            default -> typeName;
                        };
                    }
                    boolean auto = serial || "a".equals(identity) || "d".equals(identity);
                    boolean isGenerated = "s".equals(generated);
                    rows.add(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            TYPES.getOrDefault(typeName, typeName.startsWith("_") ? Types.ARRAY : Types.OTHER),
                            typeName,
                            size(base, typmod),
                            null,
                            digits(base, typmod),
                            10,
                            notNull ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable,
                            rs.getString(12),
                            isGenerated ? null : def,
                            null,
                            null,
                            size(base, typmod),
                            rs.getInt(11),
                            notNull ? "NO" : "YES",
                            null,
                            null,
                            null,
                            null,
                            auto ? "YES" : "NO",
                            isGenerated ? "YES" : "NO");
                });
        return rows.toResultSet(owner);
    }

    /** COLUMN_SIZE as pgjdbc reports it: the declared length or precision, else the type's own. */
    static int size(String type, int typmod) {
        return switch (type) {
            case "int2" -> 5;
            case "int4", "oid" -> 10;
            case "int8" -> 19;
            case "float4" -> 8;
            case "float8" -> 17;
            case "bool" -> 1;
            case "numeric" -> typmod == -1 ? 0 : ((typmod - 4) >> 16) & 0xffff;
            case "bpchar", "varchar" -> typmod == -1 ? Integer.MAX_VALUE : typmod - 4;
            case "date" -> 13;
            case "time", "timetz", "timestamp", "timestamptz" -> {
                int fraction = typmod == -1 ? 6 : typmod;
                int base = switch (type) {
                    case "time" -> 8;
                    case "timetz" -> 14;
                    case "timestamp" -> 19;
                    default -> 25;
                };
                yield base + (fraction > 0 ? fraction + 1 : 0);
            }
            case "uuid" -> 36;
            default -> Integer.MAX_VALUE;
        };
    }

    /** DECIMAL_DIGITS as pgjdbc reports it: a numeric's scale, a time's fractional digits. */
    static int digits(String type, int typmod) {
        return switch (type) {
            case "float4" -> 8;
            case "float8" -> 17;
            case "numeric" -> typmod == -1 ? 0 : (typmod - 4) & 0xffff;
            case "time", "timetz", "timestamp", "timestamptz" -> typmod == -1 ? 6 : typmod;
            default -> 0;
        };
    }

    @Override
    public ResultSet primaryKeys(String catalog, String schema, String table) throws SQLException {
        CatalogRows rows = CatalogRows.primaryKeys();
        CatalogRows.query(
                connection,
                "select current_database(), n.nspname, c.relname, a.attname, k.ord, con.conname"
                        + " from pg_catalog.pg_constraint con join pg_catalog.pg_class c on c.oid = con.conrelid"
                        + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                        + " cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)"
                        + " join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum"
                        + " where con.contype = 'p' and n.nspname like ? and c.relname like ? order by a.attname",
                List.of(CatalogRows.or(schema), CatalogRows.or(table)),
                rs -> rows.add(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6)));
        return rows.toResultSet(owner);
    }

    @Override
    public ResultSet importedKeys(String catalog, String schema, String table) throws SQLException {
        CatalogRows rows = CatalogRows.importedKeys();
        CatalogRows.query(
                connection,
                "select current_database(), pn.nspname, pc.relname, pa.attname, fn.nspname, fc.relname, fa.attname,"
                        + " k.ord, con.confupdtype, con.confdeltype, con.conname, ic.relname,"
                        + " con.condeferrable, con.condeferred"
                        + " from pg_catalog.pg_constraint con"
                        + " join pg_catalog.pg_class fc on fc.oid = con.conrelid"
                        + " join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace"
                        + " join pg_catalog.pg_class pc on pc.oid = con.confrelid"
                        + " join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace"
                        + " cross join lateral unnest(con.conkey, con.confkey) with ordinality as k(fk, pk, ord)"
                        + " join pg_catalog.pg_attribute fa on fa.attrelid = fc.oid and fa.attnum = k.fk"
                        + " join pg_catalog.pg_attribute pa on pa.attrelid = pc.oid and pa.attnum = k.pk"
                        + " left join pg_catalog.pg_class ic on ic.oid = con.conindid"
                        + " where con.contype = 'f' and fn.nspname like ? and fc.relname like ?"
                        + " order by pn.nspname, pc.relname, con.conname, k.ord",
                List.of(CatalogRows.or(schema), CatalogRows.or(table)),
                rs -> {
                    String database = rs.getString(1);
                    boolean deferrable = rs.getBoolean(13);
                    boolean deferred = rs.getBoolean(14);
                    rows.add(
                            database,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            database,
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getInt(8),
                            rule(rs.getString(9)),
                            rule(rs.getString(10)),
                            rs.getString(11),
                            rs.getString(12),
                            !deferrable
                                    ? DatabaseMetaData.importedKeyNotDeferrable
                                    : deferred
                                            ? DatabaseMetaData.importedKeyInitiallyDeferred
                                            : DatabaseMetaData.importedKeyInitiallyImmediate);
                });
        return rows.toResultSet(owner);
    }

    private static int rule(String action) {
        return switch (action) {
            case "c" -> DatabaseMetaData.importedKeyCascade;
            case "n" -> DatabaseMetaData.importedKeySetNull;
            case "d" -> DatabaseMetaData.importedKeySetDefault;
            case "r" -> DatabaseMetaData.importedKeyRestrict;
            default -> DatabaseMetaData.importedKeyNoAction;
        };
    }

    @Override
    public ResultSet indexInfo(String catalog, String schema, String table, boolean unique) throws SQLException {
        CatalogRows rows = CatalogRows.indexInfo();
        List<String> parameters = new ArrayList<>(List.of(CatalogRows.or(schema), CatalogRows.or(table)));
        CatalogRows.query(
                connection,
                "select current_database(), n.nspname, c.relname, not i.indisunique, ic.relname, k.ord,"
                        + " pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, false),"
                        + " (i.indoption[k.ord - 1] & 1) = 1, pg_catalog.pg_get_expr(i.indpred, i.indrelid),"
                        + " ic.reltuples, ic.relpages"
                        + " from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indrelid"
                        + " join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
                        + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                        + " cross join lateral generate_series(1, i.indnkeyatts) as k(ord)"
                        + " where n.nspname like ? and c.relname like ?" + (unique ? " and i.indisunique" : "")
                        + " order by 4, 5, 6",
                parameters,
                rs -> rows.add(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        null,
                        rs.getString(5),
                        (int) DatabaseMetaData.tableIndexOther,
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getBoolean(8) ? "D" : "A",
                        (long) rs.getDouble(10),
                        rs.getLong(11),
                        rs.getString(9)));
        return rows.toResultSet(owner);
    }
}
