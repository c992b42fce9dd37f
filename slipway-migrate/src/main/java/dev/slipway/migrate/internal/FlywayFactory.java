package dev.slipway.migrate.internal;

import dev.slipway.core.Engine;
import dev.slipway.migrate.DatabaseConfig;
import dev.slipway.migrate.MigrationsLocation;
import org.flywaydb.core.Flyway;

/** Flyway configured the Slipway way: one engine's location, validation on, clean only when asked. */
public final class FlywayFactory {

    private FlywayFactory() {}

    public static Flyway create(DatabaseConfig database, MigrationsLocation location, boolean allowClean) {
        return create(database, location, allowClean, new org.flywaydb.core.api.callback.Callback[0]);
    }

    public static Flyway create(
            DatabaseConfig database,
            MigrationsLocation location,
            boolean allowClean,
            org.flywaydb.core.api.callback.Callback... callbacks) {
        var configuration = Flyway.configure().callbacks(callbacks);
        if (Engine.isDataApiUrl(database.url())) {
            configuration.dataSource(new DataApiDataSource(database.url(), new java.util.Properties()));
        } else {
            configuration.dataSource(database.url(), database.user(), database.password());
        }
        return configuration
                .locations(location.forEngine(database.engine()))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .validateOnMigrate(true)
                .cleanDisabled(!allowClean)
                .connectRetries(0)
                .load();
    }
}
