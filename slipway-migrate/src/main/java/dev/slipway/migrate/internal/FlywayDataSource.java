package dev.slipway.migrate.internal;

import dev.slipway.core.DatabaseConnector;
import dev.slipway.core.DatabaseTargetSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Flyway's connections: opened by {@link DatabaseConnector} (the session settings of every Slipway connection, the
 * secret read again when the database refuses the login), with {@code extra} properties on top.
 *
 * <p>A deploy hands Flyway its own connection (the one that waited for the database and holds the deploy lock) as its
 * first ({@code lent}), and any other is opened: a deploy connects once. Flyway 13 runs on one connection where its
 * database type says so ({@code Database.useSingleConnection()}): MySQL but on a strict Percona XtraDB Cluster,
 * PostgreSQL with {@code flyway.postgresql.transactional.lock=false} (FlywayFactory sets it); elsewhere it opens a
 * second connection for the migrations. Closing the lent connection is left to its owner: Flyway's close of it is
 * ignored.
 */
public final class FlywayDataSource implements DataSource {

    private final DatabaseTargetSource source;
    private final Properties extra;
    private Connection lent;

    /** Connections to the source's target; {@code lent}, when given, is the first (its owner closes it). */
    public FlywayDataSource(DatabaseTargetSource source, Properties extra, Connection lent) {
        this.source = source;
        this.extra = extra;
        this.lent = lent;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        // the driver's own timeouts: the migrator waited for the server already
        if (lent == null || lent.isClosed()) return DatabaseConnector.open(source, null, extra);
        Connection first = lent;
        lent = null;
        return uncloseable(first);
    }

    /** The target's login, always: a caller's user and password would bypass the secret. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    private static Connection uncloseable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) return null;
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("No java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource for " + source.current();
    }
}
