package dev.slipway.jdbc;

import dev.slipway.jdbc.internal.DataApiConnection;
import dev.slipway.jdbc.internal.DriverProperty;
import dev.slipway.jdbc.internal.DriverSettings;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * JDBC over the RDS Data API: {@code jdbc:slipway-data-api://HOST:PORT/DATABASE} for the Slipway data proxy
 * ({@code ?tls=true} for https), {@code jdbc:slipway-data-api:aws:REGION/DATABASE?resourceArn=...&secretArn=...}
 * for Aurora's own Data API. Requests are signed with SigV4 for {@code rds-data} ({@code accessKeyId} /
 * {@code secretAccessKey}, else the default AWS credentials), or carry {@code apiKey}. Registered through the
 * service loader, so {@link DriverManager} finds it on the classpath.
 */
public final class DataApiDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new DataApiDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null; // JDBC: another driver's URL
        return DataApiConnection.open(DriverSettings.parse(url, info), url);
    }

    @Override
    public boolean acceptsURL(String url) {
        return DriverSettings.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverProperty[] properties = DriverProperty.values();
        DriverPropertyInfo[] result = new DriverPropertyInfo[properties.length];
        for (int i = 0; i < properties.length; i++) {
            String key = properties[i].key();
            result[i] = new DriverPropertyInfo(key, info == null ? null : info.getProperty(key));
            result[i].description = properties[i].description();
        }
        return result;
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // no cursors, savepoints or catalog queries over the Data API
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The Data API driver does not log through java.util.logging.");
    }
}
