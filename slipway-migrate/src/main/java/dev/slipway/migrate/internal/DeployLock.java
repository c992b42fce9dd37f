package dev.slipway.migrate.internal;

import dev.slipway.core.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session lock held for a whole deploy, so that of several runners started together one applies every pending
 * migration and the others then find nothing to do. Flyway locks too, but on MySQL only per migration, which
 * lets runners interleave. PostgreSQL: an advisory lock (per database); MySQL: GET_LOCK with the database name.
 */
public final class DeployLock implements AutoCloseable {

    private static final long POSTGRES_KEY = 0x5_11_b_3a7L; // "slipway", any constant would do

    private final Connection connection;
    private final Engine engine;
    private final String name;

    private DeployLock(Connection connection, Engine engine, String name) {
        this.connection = connection;
        this.engine = engine;
        this.name = name;
    }

    /** Blocks until the lock is held, or fails after {@code timeout}; the connection is closed with the lock. */
    public static DeployLock acquire(Connection connection, Engine engine, Duration timeout) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            try (var s = connection.createStatement()) {
                s.execute("set lock_timeout = '" + timeout.toMillis() + "ms'");
                s.execute("select pg_advisory_lock(" + POSTGRES_KEY + ")");
            }
            return new DeployLock(connection, engine, null);
        }
        String name = "slipway_deploy_" + connection.getCatalog();
        name = name.length() > 64 ? name.substring(0, 64) : name;
        try (PreparedStatement s = connection.prepareStatement("select get_lock(?, ?)")) {
            s.setString(1, name);
            s.setLong(2, Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("Another deploy held the lock " + name + " for more than "
                            + timeout.toSeconds() + " s. Check for a stuck deploy (SHOW PROCESSLIST) and retry.");
                }
            }
        }
        return new DeployLock(connection, engine, name);
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            if (engine == Engine.POSTGRESQL) {
                connection.createStatement().execute("select pg_advisory_unlock(" + POSTGRES_KEY + ")");
            } else {
                try (PreparedStatement s = connection.prepareStatement("select release_lock(?)")) {
                    s.setString(1, name);
                    s.execute();
                }
            }
        }
    }
}
