package dev.slipway.migrate.internal;

import dev.slipway.migrate.DatabaseConfig;
import dev.slipway.migrate.MigrationsLocation;
import org.flywaydb.core.Flyway;

/** Flyway configured the Slipway way: one engine's location, validation on, clean only when asked. */
public final class FlywayFactory {

    private FlywayFactory() {}

    public static Flyway create(DatabaseConfig database, MigrationsLocation location, boolean allowClean) {
        return Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations(location.forEngine(database.engine()))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .validateOnMigrate(true)
                .cleanDisabled(!allowClean)
                .connectRetries(0)
                .load();
    }
}
