package dev.slipway.dataapi.internal.mysql;

import com.zaxxer.hikari.HikariConfig;
import dev.slipway.dataapi.internal.ProxyEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The proxy on MySQL and MariaDB. The protocol's connection reset ({@code COM_RESET_CONNECTION}, by MariaDB
 * Connector/J with {@code useResetConnection}) drops user variables, temporary tables, prepared statements, locks
 * and session variables (back to the global values, not to what the driver set when it connected), after which the
 * values a new connection of this pool had (time zone, SQL mode, character sets, role: the reset keeps a role set
 * with {@code SET ROLE}) are set again.
 */
public final class MysqlProxyEngine implements ProxyEngine {

    public static final MysqlProxyEngine INSTANCE = new MysqlProxyEngine();

    /** MariaDB streams rows: the answer is cut at 1 MiB, not the heap. */
    private static final int FETCH_ROWS = 256;

    private static final String SESSION = "select @@session.time_zone, @@session.sql_mode,"
            + " @@session.character_set_client, @@session.character_set_connection,"
            + " @@session.character_set_results, @@session.collation_connection, current_role()";

    /** What a new connection's session had, by driver connection (weak: gone with the connection). */
    private static final Map<Object, String[]> FRESH = Collections.synchronizedMap(new WeakHashMap<>());

    private MysqlProxyEngine() {}

    @Override
    public void configure(HikariConfig config) {
        config.addDataSourceProperty("useResetConnection", "true"); // reset: COM_RESET_CONNECTION
    }

    @Override
    public void remember(Connection c) throws SQLException {
        Object driverConnection = c.unwrap(org.mariadb.jdbc.Connection.class);
        if (FRESH.containsKey(driverConnection)) return;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SESSION)) {
            rs.next();
            String[] values = new String[7];
            for (int i = 0; i < values.length; i++) values[i] = rs.getString(i + 1);
            FRESH.put(driverConnection, values);
        }
    }

    @Override
    public boolean inTransaction(Connection c) throws SQLException {
        int status = c.unwrap(org.mariadb.jdbc.Connection.class).getContext().getServerStatus();
        return (status & org.mariadb.jdbc.util.constants.ServerStatus.IN_TRANSACTION) != 0;
    }

    @Override
    public void reset(Connection c) throws SQLException {
        org.mariadb.jdbc.Connection driver = c.unwrap(org.mariadb.jdbc.Connection.class);
        String[] fresh = FRESH.get(driver);
        if (fresh == null) throw new SQLException("The connection's first session state is unknown", "08000");
        driver.reset();
        try (PreparedStatement set = c.prepareStatement("set session time_zone = ?, session sql_mode = ?,"
                + " session character_set_client = ?, session character_set_connection = ?,"
                + " session character_set_results = ?, session collation_connection = ?")) {
            for (int i = 0; i < 6; i++) set.setString(i + 1, fresh[i]);
            set.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute(fresh[6] == null ? "set role none" : "set role `" + fresh[6].replace("`", "``") + "`");
        }
    }

    @Override
    public boolean mysqlSyntax() {
        return true;
    }

    /** MariaDB Connector/J sends a multi-statement string as one (and refuses it without allowMultiQueries). */
    @Override
    public List<String> statements(String sql) {
        return List.of(sql);
    }

    @Override
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        s.setFetchSize(FETCH_ROWS);
        return s;
    }

    @Override
    public boolean generatedKeys() {
        return true;
    }
}
