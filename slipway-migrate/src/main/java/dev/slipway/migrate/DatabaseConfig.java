package dev.slipway.migrate;

import dev.slipway.core.Engine;
import dev.slipway.core.JdbcUrls;
import dev.slipway.core.RdsSecret;
import dev.slipway.core.Setting;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach the database. Immutable; build it with {@link #builder()}, from settings
 * ({@link #fromSettings(Map)}, keys of {@link Setting}) or from an RDS secret ({@link #fromRdsSecret(String)}).
 * {@link #toString()} masks the password.
 */
public final class DatabaseConfig {

    private final String url;
    private final String user;
    private final String password;
    private final Engine engine;
    private final Duration connectTimeout;

    private DatabaseConfig(Builder builder) {
        if (builder.url == null || builder.url.isBlank()) {
            throw new MigrateException(
                    MigrateErrorCode.CONFIGURATION,
                    "No database URL. Set " + Setting.URL.env() + " (or " + Setting.URL.key()
                            + " in slipway.properties, or --url), e.g. jdbc:postgresql://127.0.0.1:5432/app.");
        }
        this.url = Engine.normalizeUrl(builder.url.trim());
        this.user = builder.user;
        this.password = builder.password == null ? "" : builder.password;
        try {
            JdbcUrls.requireJdbc(url);
            this.engine = builder.engine != null ? builder.engine : Engine.fromJdbcUrl(url);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(MigrateErrorCode.CONFIGURATION, e.getMessage(), e);
        }
        if (builder.connectTimeout.isNegative()) {
            throw new MigrateException(
                    MigrateErrorCode.CONFIGURATION, "The connect timeout must be 0 or more seconds.");
        }
        this.connectTimeout = builder.connectTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads {@link Setting} keys ({@code slipway.url}, ...) from merged settings. */
    public static DatabaseConfig fromSettings(Map<String, String> settings) {
        String secret = settings.get(Setting.DB_SECRET_JSON.key());
        Builder builder = secret != null && !secret.isBlank() ? fromRdsSecret(secret).toBuilder() : builder();
        if (settings.get(Setting.URL.key()) != null) builder.url(settings.get(Setting.URL.key()));
        if (settings.get(Setting.USER.key()) != null) builder.user(settings.get(Setting.USER.key()));
        if (settings.get(Setting.PASSWORD.key()) != null) builder.password(settings.get(Setting.PASSWORD.key()));
        String engine = settings.get(Setting.ENGINE.key());
        if (engine != null && !engine.isBlank()) builder.engine(parseEngine(engine));
        String timeout = settings.get(Setting.CONNECT_TIMEOUT_SECONDS.key());
        if (timeout != null && !timeout.isBlank()) builder.connectTimeout(seconds(timeout));
        return builder.build();
    }

    /** Reads the environment variables of {@link Setting} ({@code SLIPWAY_URL}, ...). */
    public static DatabaseConfig fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new java.util.HashMap<>();
        for (Setting key : Setting.values()) {
            if (env.get(key.env()) != null) settings.put(key.key(), env.get(key.env()));
        }
        return fromSettings(settings);
    }

    /** Reads the JSON of an RDS-managed secret: {@code username, password, host, port, dbname, engine}. */
    public static DatabaseConfig fromRdsSecret(String json) {
        RdsSecret secret;
        try {
            secret = RdsSecret.parse(json);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(MigrateErrorCode.CONFIGURATION, e.getMessage(), e);
        }
        return builder()
                .url(secret.jdbcUrl(null, null))
                .user(secret.username())
                .password(secret.password())
                .engine(secret.engine())
                .build();
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Engine engine() {
        return engine;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The same connection to another database on the same server. */
    public DatabaseConfig withDatabase(String database) {
        return toBuilder().url(JdbcUrls.withDatabase(url, database)).build();
    }

    public Builder toBuilder() {
        return builder().url(url).user(user).password(password).engine(engine).connectTimeout(connectTimeout);
    }

    @Override
    public String toString() {
        return engine.id() + " " + JdbcUrls.mask(url) + (user == null ? "" : " as " + user);
    }

    private static Engine parseEngine(String text) {
        try {
            return Engine.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(MigrateErrorCode.CONFIGURATION, e.getMessage(), e);
        }
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new MigrateException(
                    MigrateErrorCode.CONFIGURATION,
                    Setting.CONNECT_TIMEOUT_SECONDS.key() + " must be a whole number of seconds, not '" + text + "'.");
        }
    }

    /** Builds a {@link DatabaseConfig}; defaults: engine from the URL, 30 s connect timeout. */
    public static final class Builder {
        private String url;
        private String user;
        private String password = "";
        private Engine engine;
        private Duration connectTimeout = Duration.ofSeconds(30);

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

        public DatabaseConfig build() {
            return new DatabaseConfig(this);
        }
    }
}
