package dev.slipway.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens every Slipway connection: the migrator's and Flyway's, the functions', the command line's, the data proxy's
 * pools. Each session runs at UTC on both engines ({@link #sessionProperties}; {@code timestamp with time zone} is a
 * {@code DATETIME(6)} holding UTC on MySQL, see the README's Types, and the RDS Data API's sessions are at UTC), and a
 * refused login is read again from its secret once, here ({@link #open(DatabaseTargetSource, Duration)}).
 *
 * <p>Written by hand because it is only this: {@link DriverManager} with properties. Pooling is HikariCP's (the
 * proxy gives it {@link #sessionProperties}); Flyway's DataSource (slipway-migrate) opens through {@link
 * #open(DatabaseTargetSource, Duration, Properties)}.
 */
public final class DatabaseConnector {

    private DatabaseConnector() {}

    /**
     * What every connection to {@code engine} sets when it starts: on MySQL the session time zone UTC ({@code
     * time_zone} through MariaDB Connector/J's {@code sessionVariables}). On PostgreSQL, pgjdbc always sends the
     * JVM's zone as {@code TimeZone} in the start-up packet, which wins over {@code options=-c TimeZone=UTC}
     * (pgjdbc issues 1626 and 2311: not configurable), so UTC there is {@link #SET_UTC} after connecting when the
     * JVM is elsewhere ({@link #postgresqlStartsElsewhereThanUtc}).
     */
    public static Properties sessionProperties(Engine engine) {
        Properties properties = new Properties();
        properties.putAll(engine.utcSessionProperties());
        return properties;
    }

    /** The statement that puts a PostgreSQL session at UTC. */
    public static final String SET_UTC = "set time zone 'UTC'";

    /**
     * Whether a new pgjdbc session starts elsewhere than UTC: the JVM's default zone is not UTC (a developer's
     * laptop; Lambda and containers run at UTC, where nothing more is sent).
     */
    public static boolean postgresqlStartsElsewhereThanUtc() {
        return !java.util.TimeZone.getDefault().toZoneId().normalized().equals(java.time.ZoneOffset.UTC);
    }

    /**
     * The properties of a connection to {@code target}: its session settings, login and, when {@code attemptTimeout}
     * is given, how long one attempt may take (connect and login) in the driver's own units.
     */
    public static Properties properties(DatabaseTarget target, Duration attemptTimeout) {
        Properties properties = sessionProperties(target.engine());
        // a jdbc:slipway-data-api: URL has no user: the Data API authenticates with the secret ARN and SigV4
        if (target.user() != null) properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        if (attemptTimeout != null) {
            properties.putAll(target.engine().attemptTimeoutProperties(Math.max(1, attemptTimeout.toSeconds())));
        }
        return properties;
    }

    /** One connection to {@code target}; {@code extra} properties (e.g. the Data API's {@code session}) on top. */
    public static Connection open(DatabaseTarget target, Duration attemptTimeout, Properties extra)
            throws SQLException {
        Properties properties = properties(target, attemptTimeout);
        if (extra != null) properties.putAll(extra);
        Connection connection = DriverManager.getConnection(target.url(), properties);
        if (target.engine().sessionStartsAtJvmZone()
                && !Engine.isDataApiUrl(target.url())
                && postgresqlStartsElsewhereThanUtc()) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute(SET_UTC);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    /**
     * One connection to the source's target; when the database refuses the login ({@link
     * SqlErrorKind#AUTHENTICATION}) and the source can read its secret again, one more attempt with what it reads.
     */
    public static Connection open(DatabaseTargetSource source, Duration attemptTimeout, Properties extra)
            throws SQLException {
        try {
            return open(source.current(), attemptTimeout, extra);
        } catch (SQLException refused) {
            if (SqlErrorKind.of(refused) != SqlErrorKind.AUTHENTICATION || !source.reread()) throw refused;
            try {
                return open(source.current(), attemptTimeout, extra);
            } catch (SQLException again) {
                again.addSuppressed(refused);
                throw again;
            }
        }
    }

    /** As above, with no extra properties. */
    public static Connection open(DatabaseTargetSource source, Duration attemptTimeout) throws SQLException {
        return open(source, attemptTimeout, null);
    }
}
