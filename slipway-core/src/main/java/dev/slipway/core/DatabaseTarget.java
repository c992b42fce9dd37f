package dev.slipway.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How to reach a database: the one type every module uses for it (the migrator, the functions, the command line,
 * the data proxy). Immutable and validated when built, failing with the fix named; build it with {@link
 * #builder()}, from settings ({@link #fromSettings(Map)}, keys of {@link Setting}), from the environment or from an
 * RDS secret. What cannot be built throws {@link IllegalArgumentException} naming the setting to fix (as HikariCP's
 * {@code HikariConfig.validate()} does; the command line exits 2 for it). {@link DatabaseConnector} opens connections
 * to it with the same session settings everywhere. {@link #toString()} never shows the password.
 *
 * @param url the JDBC URL as the shipped drivers accept it
 * @param user the user; null for a {@code jdbc:slipway-data-api:} URL, where the Data API authenticates instead
 * @param password the password; empty when none
 * @param engine the engine; from the URL when not given
 * @param connectTimeout how long to keep trying while the database does not accept connections (Aurora waking)
 */
public record DatabaseTarget(String url, String user, String password, Engine engine, Duration connectTimeout) {

    /**
     * Validates and normalizes: the URL is required and JDBC ({@code jdbc:mysql:} permitted for MariaDB
     * Connector/J), the engine comes from it when not given, a missing password is empty.
     */
    public DatabaseTarget {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No database URL. Set " + Setting.URL.env() + " (or " + Setting.URL.key()
                    + " in slipway.properties, or --url), e.g. jdbc:postgresql://127.0.0.1:5432/app.");
        }
        url = Engine.normalizeUrl(url.trim());
        password = password == null ? "" : password;
        JdbcUrls.requireJdbc(url);
        engine = engine != null ? engine : Engine.fromJdbcUrl(url);
        if (connectTimeout == null || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("The connect timeout must be 0 or more seconds.");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A target with a fixed login; the engine comes from the URL's scheme. */
    public static DatabaseTarget of(String url, String user, String password) {
        return builder().url(url).user(user).password(password).build();
    }

    /** Reads {@link Setting} keys ({@code slipway.url}, ...) from merged settings. */
    public static DatabaseTarget fromSettings(Map<String, String> settings) {
        String secret = settings.get(Setting.DB_SECRET_JSON.key());
        Builder builder = secret != null && !secret.isBlank() ? fromRdsSecret(secret).toBuilder() : builder();
        if (settings.get(Setting.URL.key()) != null) builder.url(settings.get(Setting.URL.key()));
        if (settings.get(Setting.USER.key()) != null) builder.user(settings.get(Setting.USER.key()));
        if (settings.get(Setting.PASSWORD.key()) != null) builder.password(settings.get(Setting.PASSWORD.key()));
        String engine = settings.get(Setting.ENGINE.key());
        if (engine != null && !engine.isBlank()) builder.engine(Engine.parse(engine));
        String timeout = settings.get(Setting.CONNECT_TIMEOUT_SECONDS.key());
        if (timeout != null && !timeout.isBlank()) builder.connectTimeout(seconds(timeout));
        return builder.build();
    }

    /** Reads the environment variables of {@link Setting} ({@code SLIPWAY_URL}, ...). */
    public static DatabaseTarget fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new HashMap<>();
        for (Setting key : Setting.values()) {
            if (env.get(key.env()) != null) settings.put(key.key(), env.get(key.env()));
        }
        return fromSettings(settings);
    }

    /** Reads the JSON of an RDS-managed secret: {@code username, password, host, port, dbname, engine}. */
    public static DatabaseTarget fromRdsSecret(String json) {
        return fromRdsSecret(json, null, null, DatabaseTls.auto());
    }

    /**
     * As {@link #fromRdsSecret(String)}, on {@code databaseOverride} and {@code hostOverride} (an RDS Proxy) when
     * given, with {@code tls} deciding whether the URL requires verified TLS (see {@link DatabaseTls}).
     */
    public static DatabaseTarget fromRdsSecret(
            String json, String databaseOverride, String hostOverride, DatabaseTls tls) {
        RdsSecret secret = RdsSecret.parse(json);
        return builder()
                .url(secret.jdbcUrl(databaseOverride, hostOverride, tls))
                .user(secret.username())
                .password(secret.password())
                .engine(secret.engine())
                .build();
    }

    /** The database the URL names; empty when it names none. */
    public String database() {
        return JdbcUrls.database(url);
    }

    /** The same login on another database of the same server. */
    public DatabaseTarget withDatabase(String database) {
        return toBuilder().url(JdbcUrls.withDatabase(url, database)).build();
    }

    public Builder toBuilder() {
        return builder().url(url).user(user).password(password).engine(engine).connectTimeout(connectTimeout);
    }

    @Override
    public String toString() {
        return engine.id() + " " + JdbcUrls.mask(url) + (user == null ? "" : " as " + user);
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    Setting.CONNECT_TIMEOUT_SECONDS.key() + " must be a whole number of seconds, not '" + text + "'.",
                    e);
        }
    }

    /**
     * Builds a {@link DatabaseTarget}; defaults: engine from the URL, the connect timeout of {@link
     * Setting#CONNECT_TIMEOUT_SECONDS}.
     */
    public static final class Builder {
        private String url;
        private String user;
        private String password = "";
        private Engine engine;
        private Duration connectTimeout =
                seconds(Setting.CONNECT_TIMEOUT_SECONDS.defaultValue().orElseThrow());

        private Builder() {}

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        /** How long to keep trying while the database does not accept connections (Aurora waking from zero). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public DatabaseTarget build() {
            return new DatabaseTarget(url, user, password, engine, connectTimeout);
        }
    }
}
