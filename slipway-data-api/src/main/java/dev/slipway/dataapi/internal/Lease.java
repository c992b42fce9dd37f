package dev.slipway.dataapi.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.core.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection lent to one request or one Data API transaction. Closing it rolls back what is open and resets
 * the session ({@link ProxyEngine#reset}) before the pool lends it again; a connection whose reset fails is closed,
 * never lent.
 */
public final class Lease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

    private final Connection connection;
    private final ProxyEngine engine;
    private final HikariDataSource pool;
    private final Runnable onReturn;
    private boolean returned;

    Lease(Connection connection, Engine engine, HikariDataSource pool, Runnable onReturn) throws SQLException {
        this.engine = ProxyEngine.of(engine);
        this.engine.remember(connection);
        this.connection = connection;
        this.pool = pool;
        this.onReturn = onReturn;
    }

    public Connection connection() {
        return connection;
    }

    /** Whether the session is inside a transaction that the Data API did not begin. */
    public boolean inForeignTransaction() throws SQLException {
        return connection.getAutoCommit() && engine.inTransaction(connection);
    }

    /** Resets the session and gives the connection back; closes it instead when the reset fails. */
    @Override
    public void close() {
        if (returned) return;
        returned = true;
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            engine.reset(connection);
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Resetting a pooled connection failed ({}); it is closed instead of reused", state(e));
            pool.evictConnection(connection);
        } finally {
            onReturn.run();
        }
    }

    private static String state(Exception e) {
        return e instanceof SQLException s
                ? "SQLState " + s.getSQLState()
                : e.getClass().getSimpleName();
    }
}
