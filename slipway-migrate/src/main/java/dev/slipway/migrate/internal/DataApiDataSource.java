package dev.slipway.migrate.internal;

import dev.slipway.core.JdbcUrls;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections through the Slipway JDBC driver over the RDS Data API, for Flyway, which only picks its own driver
 * for the URLs it knows: given a DataSource, it tells the database by the connection's metadata instead. Each
 * connection is a pinned session ({@link #pinned}), so the session locks Flyway and the deploy lock take stay on
 * one database connection.
 */
public final class DataApiDataSource implements DataSource {

    private final String url;
    private final Properties properties;

    public DataApiDataSource(String url, Properties properties) {
        this.url = url;
        this.properties = pinned(properties);
    }

    /** The connection properties with {@code session=pinned}: what a migration needs over the Data API. */
    public static Properties pinned(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.setProperty("session", "pinned");
        return copy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection(); // the Data API authenticates with the secret ARN and SigV4, not a user
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
        return "DataApiDataSource(" + JdbcUrls.mask(url) + ")";
    }
}
