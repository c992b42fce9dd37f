package dev.slipway.dataapi.internal;

import dev.slipway.core.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * A pooled connection's session, made clean for the next client. What a request may leave behind on PostgreSQL
 * (settings and roles made with {@code SET}, {@code SET SESSION AUTHORIZATION}, temporary tables, prepared
 * statements, cursors, {@code LISTEN}, advisory locks, sequence state) is undone by {@code DISCARD ALL}, PgBouncer's
 * reset query for the same reason; its {@code RESET ALL} returns settings to the connection's start-up values, which are
 * UTC only where the JVM's zone is (pgjdbc sends it), so elsewhere the zone is set to UTC again. On MySQL and MariaDB the protocol's connection reset ({@code COM_RESET_CONNECTION}, by
 * MariaDB Connector/J with {@code useResetConnection}) drops user variables, temporary tables, prepared statements,
 * locks and session variables (back to the global values, not to what the driver set when it connected), after
 * which the values a new connection of this pool had (time zone, SQL mode, character sets, role: the reset keeps a
 * role set with {@code SET ROLE}) are set again.
 */
public final class Sessions {

    private static final String MYSQL_DEFAULTS = "select @@session.time_zone, @@session.sql_mode,"
            + " @@session.character_set_client, @@session.character_set_connection,"
            + " @@session.character_set_results, @@session.collation_connection, current_role()";

    /** What a new MySQL connection's session had, by driver connection (weak: gone with the connection). */
    private static final Map<Object, String[]> MYSQL_FRESH = Collections.synchronizedMap(new WeakHashMap<>());

    private Sessions() {}

    /** Remembers what a connection's session holds the first time the pool lends it (MySQL; PostgreSQL needs nothing). */
    public static void remember(Connection c, Engine engine) throws SQLException {
        if (engine != Engine.MYSQL) return;
        Object driverConnection = c.unwrap(org.mariadb.jdbc.Connection.class);
        if (MYSQL_FRESH.containsKey(driverConnection)) return;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(MYSQL_DEFAULTS)) {
            rs.next();
            String[] values = new String[7];
            for (int i = 0; i < values.length; i++) values[i] = rs.getString(i + 1);
            MYSQL_FRESH.put(driverConnection, values);
        }
    }

    /** Whether the connection is inside a transaction the Data API did not begin (or a failed one). */
    public static boolean inTransaction(Connection c, Engine engine) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            return c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
        }
        int status = c.unwrap(org.mariadb.jdbc.Connection.class).getContext().getServerStatus();
        return (status & org.mariadb.jdbc.util.constants.ServerStatus.IN_TRANSACTION) != 0;
    }

    /** Rolls back whatever is open and returns the session to the state a new connection has. */
    public static void reset(Connection c, Engine engine) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        if (engine == Engine.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                if (inTransaction(c, engine)) s.execute("rollback");
                s.execute("discard all");
                // back to the start-up zone: pgjdbc's is the JVM's, so UTC again where the JVM is elsewhere
                if (dev.slipway.core.DatabaseConnector.postgresqlStartsElsewhereThanUtc()) {
                    s.execute(dev.slipway.core.DatabaseConnector.SET_UTC);
                }
            }
        } else {
            org.mariadb.jdbc.Connection driver = c.unwrap(org.mariadb.jdbc.Connection.class);
            String[] fresh = MYSQL_FRESH.get(driver);
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
    }
}
