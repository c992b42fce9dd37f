package dev.slipway.lambda.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import dev.slipway.lambda.internal.Json;
import java.io.IOException;
import java.util.Locale;
import org.jooq.SQLDialect;

/**
 * How to reach the database: a JDBC URL, user and password. {@link #toString()} never shows the password.
 *
 * @param url JDBC URL
 * @param user user name
 * @param password password
 * @param dialect the jOOQ dialect of the engine
 */
public record DbCredentials(String url, String user, String password, SQLDialect dialect) {

    /** Reads the JSON of an RDS-managed secret: {@code username, password, host, port, dbname, engine}. */
    public static DbCredentials fromRdsSecret(String json, String databaseOverride) {
        return fromRdsSecret(json, databaseOverride, null);
    }

    /** As {@link #fromRdsSecret(String, String)}, connecting to {@code hostOverride} when given (an RDS Proxy). */
    public static DbCredentials fromRdsSecret(String json, String databaseOverride, String hostOverride) {
        JsonNode secret;
        try {
            secret = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new SlipwayLambdaException("The database secret is not valid JSON (value not shown). Store the RDS"
                    + " secret shape: username, password, host, port, dbname, engine.");
        }
        for (String field : new String[] {"username", "password", "host", "engine"}) {
            if (secret == null || !secret.hasNonNull(field)) {
                throw new SlipwayLambdaException("The database secret has no '" + field
                        + "'. It needs username, password, host, engine, and optionally port and dbname.");
            }
        }
        String engine = secret.get("engine").asText().toLowerCase(Locale.ROOT);
        boolean postgres = engine.contains("postgres");
        int port = secret.hasNonNull("port") ? secret.get("port").asInt() : postgres ? 5432 : 3306;
        String dbname = databaseOverride != null && !databaseOverride.isBlank()
                ? databaseOverride
                : secret.hasNonNull("dbname") ? secret.get("dbname").asText() : "";
        String host = hostOverride != null && !hostOverride.isBlank()
                ? hostOverride
                : secret.get("host").asText();
        String url = (postgres ? "jdbc:postgresql://" : "jdbc:mariadb://") + host + ":" + port + "/" + dbname;
        return new DbCredentials(
                url,
                secret.get("username").asText(),
                secret.get("password").asText(),
                postgres ? SQLDialect.POSTGRES : SQLDialect.MYSQL);
    }

    /** The dialect a JDBC URL implies. */
    public static SQLDialect dialectOf(String url) {
        if (url.startsWith("jdbc:postgresql:")) return SQLDialect.POSTGRES;
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) return SQLDialect.MYSQL;
        throw new SlipwayLambdaException("Unsupported JDBC URL (use jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:).");
    }

    @Override
    public String toString() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***") + " as " + user;
    }
}
