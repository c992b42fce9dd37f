package dev.slipway.migrate;

import java.util.Locale;

/**
 * Every configuration key, as it appears in {@code slipway.properties} and as the environment variable that
 * mirrors it ({@code slipway.url} is {@code SLIPWAY_URL}), in one place.
 */
public enum ConfigKeys {
    URL("slipway.url"),
    USER("slipway.user"),
    PASSWORD("slipway.password"),
    ENGINE("slipway.engine"),
    SCHEMA("slipway.schema"),
    MIGRATIONS("slipway.migrations"),
    /** An RDS secret JSON ({@code username, password, host, port, dbname, engine}) instead of url/user/password. */
    DB_SECRET_JSON("slipway.db.secret.json"),
    /** How long to wait for a database that is not accepting connections yet, in seconds. */
    CONNECT_TIMEOUT_SECONDS("slipway.connect.timeout.seconds"),
    /** {@code true} lets {@code reset} delete all data. */
    ALLOW_RESET("slipway.allow.reset");

    private final String key;

    ConfigKeys(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String env() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
