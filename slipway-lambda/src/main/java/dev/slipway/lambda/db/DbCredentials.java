package dev.slipway.lambda.db;

import dev.slipway.core.DatabaseTls;
import dev.slipway.core.Engine;
import dev.slipway.core.JdbcUrls;
import dev.slipway.core.RdsSecret;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import org.jooq.SQLDialect;

/**
 * How to reach the database: a JDBC URL, user and password. {@link #toString()} never shows the password.
 *
 * @param url JDBC URL, as the shipped driver accepts it ({@code jdbc:mysql:} URLs are permitted for it)
 * @param user user name
 * @param password password
 * @param engine the engine of the URL
 */
public record DbCredentials(String url, String user, String password, Engine engine) {

    public DbCredentials {
        url = Engine.normalizeUrl(url);
    }

    /** Credentials for a JDBC URL; the engine comes from its scheme. */
    public static DbCredentials of(String url, String user, String password) {
        try {
            return new DbCredentials(url, user, password, Engine.fromJdbcUrl(url));
        } catch (IllegalArgumentException e) {
            throw new SlipwayLambdaException(e.getMessage(), e);
        }
    }

    /** Reads the JSON of an RDS-managed secret: {@code username, password, host, port, dbname, engine}. */
    public static DbCredentials fromRdsSecret(String json, String databaseOverride) {
        return fromRdsSecret(json, databaseOverride, null);
    }

    /** As {@link #fromRdsSecret(String, String)}, connecting to {@code hostOverride} when given (an RDS Proxy). */
    public static DbCredentials fromRdsSecret(String json, String databaseOverride, String hostOverride) {
        return fromRdsSecret(json, databaseOverride, hostOverride, DatabaseTls.auto());
    }

    /** As above, with {@code tls} deciding whether the URL requires verified TLS (see {@link DatabaseTls}). */
    public static DbCredentials fromRdsSecret(
            String json, String databaseOverride, String hostOverride, DatabaseTls tls) {
        RdsSecret secret;
        try {
            secret = RdsSecret.parse(json);
        } catch (IllegalArgumentException e) {
            throw new SlipwayLambdaException(SlipwayLambdaException.Kind.SECRET, e.getMessage(), e);
        }
        return new DbCredentials(
                secret.jdbcUrl(databaseOverride, hostOverride, tls),
                secret.username(),
                secret.password(),
                secret.engine());
    }

    /** The jOOQ dialect of the engine. */
    public SQLDialect dialect() {
        return dialectOf(engine);
    }

    static SQLDialect dialectOf(Engine engine) {
        return SQLDialect.valueOf(engine.jooqDialect());
    }

    @Override
    public String toString() {
        return JdbcUrls.mask(url) + " as " + user;
    }
}
