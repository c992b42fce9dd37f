package dev.slipway.cli;

import dev.slipway.cli.internal.Settings;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import dev.slipway.core.Setting;
import dev.slipway.local.database.DevDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command accepts; unset ones come from slipway.properties, then SLIPWAY_* variables. */
public class ProjectOptions {

    CliContext context;

    @Option(names = "--schema", paramLabel = "FILE", description = "Desired-state schema (default: schema.sql).")
    String schema;

    @Option(names = "--migrations", paramLabel = "DIR", description = "Migrations directory (default: migrations).")
    String migrations;

    @Option(
            names = "--url",
            paramLabel = "JDBC_URL",
            description = "Database; without it, the embedded dev PostgreSQL.")
    String url;

    @Option(names = "--user", description = "Database user.")
    String user;

    @Option(names = "--password", description = "Database password (prefer SLIPWAY_PASSWORD).")
    String password;

    @Option(names = "--engine", paramLabel = "postgresql|mysql", description = "Engine (default: from the URL).")
    String engine;

    @Option(
            names = "--engines",
            paramLabel = "postgresql,mysql",
            description = "The engines the project's migrations are for (default: postgresql,mysql; or postgresql).")
    String engines;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for the database (default: 30).")
    String connectTimeout;

    private Settings settings;

    Settings settings() {
        if (settings == null) {
            Map<String, String> flags = new HashMap<>();
            flags.put(Setting.SCHEMA.key(), schema);
            flags.put(Setting.MIGRATIONS.key(), migrations);
            flags.put(Setting.URL.key(), url);
            flags.put(Setting.USER.key(), user);
            flags.put(Setting.PASSWORD.key(), password);
            flags.put(Setting.ENGINE.key(), engine);
            flags.put(Setting.ENGINES.key(), engines);
            flags.put(Setting.CONNECT_TIMEOUT_SECONDS.key(), connectTimeout);
            settings = Settings.load(context.cwd(), context.env(), flags);
        }
        return settings;
    }

    Path schemaFile() {
        return context.resolve(settings().get(Setting.SCHEMA));
    }

    Path migrationsDirectory() {
        return context.resolve(settings().get(Setting.MIGRATIONS));
    }

    /** The engine named by --engine or the configuration, if any. */
    Engine engineOrNull() {
        String value = settings().get(Setting.ENGINE);
        return value == null || value.isBlank() ? null : Engine.parse(value);
    }

    /** The engines of slipway.engines (default both): what migrate dev writes and lint and check read. */
    java.util.Set<Engine> engines() {
        return Engine.parseList(settings().get(Setting.ENGINES));
    }

    boolean hasDatabaseUrl() {
        String value = settings().get(Setting.URL);
        String secret = settings().get(Setting.DB_SECRET_JSON);
        return (value != null && !value.isBlank()) || (secret != null && !secret.isBlank());
    }

    /** The configured database, or the embedded development PostgreSQL when none is configured. */
    Database openDatabase() {
        if (hasDatabaseUrl())
            return new Database(DatabaseTarget.fromSettings(settings().asMap()), null);
        Engine wanted = engineOrNull();
        if (wanted != null && wanted != Engine.POSTGRESQL) {
            throw new IllegalArgumentException("The embedded development database is PostgreSQL; for " + wanted.id()
                    + " pass --url (e.g. jdbc:mariadb://127.0.0.1:3306/app) or set " + Setting.URL.env() + ".");
        }
        DevDatabase dev = DevDatabase.start(context.resolve(settings().get(Setting.DEV_DATA_DIR)), context::progress);
        return new Database(dev.config(), dev);
    }

    /** A database to run against, with the embedded server to stop afterwards when there is one. */
    record Database(DatabaseTarget config, DevDatabase embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) embedded.close();
        }
    }
}
