package dev.slipway.migrate.fidelity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A public sample's data (one gzipped CSV per table, as PostgreSQL's COPY wrote it from the upstream database):
 * loaded into a migrated database over plain JDBC, and read back as engine-neutral lines, so what each engine holds
 * can be compared with the CSV and with the other engine.
 */
final class SampleData {

    private static final int BATCH = 1000;

    private SampleData() {}

    /** The tables of {@code dataDir}, by file name. */
    static List<String> tables(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv.gz"))
                    .map(n -> n.substring(0, n.length() - ".csv.gz".length()))
                    .sorted()
                    .toList();
        }
    }

    /** Loads every table with foreign key checks off (Sakila's staff and store reference each other). */
    static void load(Connection c, boolean postgres, Path dataDir) throws IOException, SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(postgres ? "set session_replication_role = replica" : "set foreign_key_checks = 0");
        }
        for (String table : tables(dataDir)) {
            try (CSVParser csv = csv(dataDir, table)) {
                List<String> columns = csv.getHeaderNames();
                int[] types = types(c, postgres, table, columns);
                String sql = "insert into " + quote(table, postgres) + " ("
                        + String.join(
                                ", ",
                                columns.stream().map(n -> quote(n, postgres)).toList()) + ") values ("
                        + String.join(", ", columns.stream().map(n -> "?").toList()) + ")";
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    int pending = 0;
                    for (CSVRecord record : csv) {
                        for (int i = 0; i < columns.size(); i++) {
                            insert.setObject(i + 1, parse(record.get(i), types[i]));
                        }
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) insert.executeBatch();
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(postgres ? "set session_replication_role = origin" : "set foreign_key_checks = 1");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** The CSV's rows of {@code table} as sorted lines, each value read as the given engine's column type. */
    static List<String> csvRows(Path dataDir, String table, Connection typesFrom, boolean postgres)
            throws IOException, SQLException {
        List<String> lines = new ArrayList<>();
        try (CSVParser csv = csv(dataDir, table)) {
            int[] types = types(typesFrom, postgres, table, csv.getHeaderNames());
            for (CSVRecord record : csv) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < types.length; i++) values.add(canonical(parse(record.get(i), types[i]), types[i]));
                lines.add(String.join(" | ", values));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** What the database holds in {@code table}, as sorted lines, in the CSV's column order. */
    static List<String> databaseRows(Connection c, boolean postgres, String table, List<String> columns)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        String sql = "select "
                + String.join(
                        ", ", columns.stream().map(n -> quote(n, postgres)).toList()) + " from "
                + quote(table, postgres);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    int type = meta.getColumnType(i);
                    values.add(canonical(read(rs, i, type), type));
                }
                lines.add(String.join(" | ", values));
            }
        }
        lines.sort(null);
        return lines;
    }

    static List<String> header(Path dataDir, String table) throws IOException {
        try (CSVParser csv = csv(dataDir, table)) {
            return csv.getHeaderNames();
        }
    }

    /**
     * Rows that break a foreign key, per key, found with the database's own JDBC metadata (not Slipway's model):
     * {@code child.key -> parent.key: N} for every key that has any.
     */
    static List<String> orphans(Connection c, boolean postgres) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String catalog = postgres ? null : c.getCatalog();
        String schema = postgres ? "public" : null;
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            Map<String, List<String[]>> keys = new LinkedHashMap<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    keys.computeIfAbsent(
                                    rs.getString("FK_NAME") + " " + rs.getString("PKTABLE_NAME"),
                                    k -> new ArrayList<>())
                            .add(new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                }
            }
            for (Map.Entry<String, List<String[]>> key : keys.entrySet()) {
                String parent = key.getKey().split(" ")[1];
                List<String> notNull = new ArrayList<>();
                List<String> join = new ArrayList<>();
                for (String[] pair : key.getValue()) {
                    notNull.add("c." + quote(pair[0], postgres) + " is not null");
                    join.add("p." + quote(pair[1], postgres) + " = c." + quote(pair[0], postgres));
                }
                String sql =
                        "select count(*) from " + quote(table, postgres) + " c where " + String.join(" and ", notNull)
                                + " and not exists (select 1 from " + quote(parent, postgres) + " p where "
                                + String.join(" and ", join) + ")";
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    if (rs.getLong(1) > 0) found.add(table + " " + key.getKey() + ": " + rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static CSVParser csv(Path dataDir, String table) throws IOException {
        Reader reader = new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dataDir.resolve(table + ".csv.gz"))), StandardCharsets.UTF_8);
        // PostgreSQL's CSV: NULL is an unquoted empty field, an empty string is ""
        return CSVFormat.POSTGRESQL_CSV
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
    }

    private static int[] types(Connection c, boolean postgres, String table, List<String> columns) throws SQLException {
        String sql = "select "
                + String.join(
                        ", ", columns.stream().map(n -> quote(n, postgres)).toList()) + " from "
                + quote(table, postgres) + " where 1 = 0";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int[] types = new int[columns.size()];
            for (int i = 0; i < types.length; i++) types[i] = rs.getMetaData().getColumnType(i + 1);
            return types;
        }
    }

    /** A CSV field as the Java value for a column of the given JDBC type; null for SQL NULL. */
    static Object parse(String text, int type) {
        if (text == null) return null;
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.valueOf(text);
            case Types.BIGINT -> Long.valueOf(text);
            case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(text);
            case Types.REAL -> Float.valueOf(text);
            case Types.FLOAT, Types.DOUBLE -> Double.valueOf(text);
            case Types.BIT, Types.BOOLEAN -> text.equals("t") || text.equals("true") || text.equals("1");
            case Types.DATE -> LocalDate.parse(text);
            case Types.TIME -> LocalTime.parse(text);
            case Types.TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                HexFormat.of().parseHex(text.substring(2)); // PostgreSQL writes bytea as \x followed by hex
            default -> text;
        };
    }

    private static Object read(ResultSet rs, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> rs.getInt(i);
            case Types.BIGINT -> rs.getLong(i);
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
            case Types.REAL -> rs.getFloat(i);
            case Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.TIME -> rs.getObject(i, LocalTime.class);
            case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    /**
     * One spelling for a value on every engine. The one known difference of storage is kept out: MySQL strips the
     * trailing blanks of a char(n) when it reads it, PostgreSQL pads it to n.
     */
    static String canonical(Object value, int type) {
        if (value == null) return "NULL";
        if (value instanceof byte[] bytes) return "0x" + HexFormat.of().formatHex(bytes);
        if (value instanceof BigDecimal decimal) return decimal.toPlainString();
        if (type == Types.CHAR && value instanceof String s) return s.stripTrailing();
        return value.toString();
    }

    private static String quote(String name, boolean postgres) {
        return postgres ? '"' + name + '"' : '`' + name + '`';
    }
}
