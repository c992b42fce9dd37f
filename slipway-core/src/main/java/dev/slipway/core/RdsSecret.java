package dev.slipway.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The JSON of an RDS-managed database secret ({@code username, password, host, port, dbname, engine}), as Secrets
 * Manager stores it for RDS and Aurora. {@link #toString()} never shows the password.
 *
 * @param port the secret's port, else the engine's default
 * @param dbname the secret's database, else empty
 */
public record RdsSecret(String username, String password, String host, int port, String dbname, Engine engine) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the secret. Every message says what to store and never shows the value.
     *
     * @throws IllegalArgumentException when the JSON is invalid, a field is missing or the engine is not supported
     */
    public static RdsSecret parse(String json) {
        JsonNode secret;
        try {
            secret = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            secret = null;
        }
        if (secret == null || !secret.isObject()) {
            throw new IllegalArgumentException(
                    "The database secret is not valid JSON, or not a JSON object (its value is not shown)."
                            + " Store the RDS secret shape: {\"username\", \"password\", \"host\", \"port\", \"dbname\","
                            + " \"engine\"}.");
        }
        for (String field : new String[] {"username", "password", "host", "engine"}) {
            if (!secret.hasNonNull(field)) {
                throw new IllegalArgumentException("The database secret has no '" + field
                        + "'. It needs username, password, host, engine, and optionally port and dbname.");
            }
        }
        Engine engine;
        try {
            engine = Engine.parse(secret.get("engine").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The database secret's engine: " + e.getMessage(), e);
        }
        int port = secret.hasNonNull("port") ? secret.get("port").asInt(engine.defaultPort()) : engine.defaultPort();
        String dbname = secret.hasNonNull("dbname") ? secret.get("dbname").asText() : "";
        return new RdsSecret(
                secret.get("username").asText(),
                secret.get("password").asText(),
                secret.get("host").asText(),
                port,
                dbname,
                engine);
    }

    /**
     * The JDBC URL of the secret's database, or of {@code databaseOverride} and {@code hostOverride} (an RDS Proxy
     * endpoint) when they are given.
     */
    public String jdbcUrl(String databaseOverride, String hostOverride) {
        return jdbcUrl(databaseOverride, hostOverride, DatabaseTls.auto());
    }

    /** As {@link #jdbcUrl(String, String)}, with {@code tls}'s parameters when it requires TLS for the host. */
    public String jdbcUrl(String databaseOverride, String hostOverride, DatabaseTls tls) {
        String database = databaseOverride != null && !databaseOverride.isBlank() ? databaseOverride : dbname;
        String at = hostOverride != null && !hostOverride.isBlank() ? hostOverride : host;
        return tls.apply(engine, at, engine.jdbcUrl(at, port, database));
    }

    @Override
    public String toString() {
        return engine.id() + " " + username + "@" + host + ":" + port + "/" + dbname;
    }
}
