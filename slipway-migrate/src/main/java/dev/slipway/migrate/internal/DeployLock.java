package dev.slipway.migrate.internal;

import dev.slipway.core.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session lock held for a whole deploy, so that of several runners started together one applies every pending
 * migration and the others then find nothing to do. Flyway locks too, but on MySQL only per migration, which
 * lets runners interleave. How each engine locks is its {@link EngineBehaviour#lock}.
 */
public final class DeployLock implements AutoCloseable {

    private final Connection connection;
    private final EngineBehaviour.Lock lock;

    private DeployLock(Connection connection, EngineBehaviour.Lock lock) {
        this.connection = connection;
        this.lock = lock;
    }

    /** Blocks until the lock is held, or fails after {@code timeout}; the connection is closed with the lock. */
    public static DeployLock acquire(Connection connection, Engine engine, Duration timeout) throws SQLException {
        return new DeployLock(connection, EngineBehaviour.of(engine).lock(connection, timeout));
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            lock.release();
        }
    }
}
