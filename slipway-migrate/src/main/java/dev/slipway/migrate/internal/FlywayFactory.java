package dev.slipway.migrate.internal;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTargetSource;
import dev.slipway.migrate.MigrationsLocation;
import org.flywaydb.core.Flyway;

/**
 * Flyway configured the Slipway way: one engine's location, validation on, clean only when asked, and its
 * connections from {@link FlywayDataSource} (the session settings every Slipway connection has, and the secret read
 * again when the database refuses the login).
 */
public final class FlywayFactory {

    private FlywayFactory() {}

    public static Flyway create(DatabaseTarget database, MigrationsLocation location, boolean allowClean) {
        return create(DatabaseTargetSource.of(database), location, allowClean);
    }

    public static Flyway create(
            DatabaseTargetSource source,
            MigrationsLocation location,
            boolean allowClean,
            org.flywaydb.core.api.callback.Callback... callbacks) {
        return create(source, null, location, allowClean, callbacks);
    }

    /** As above, with {@code lent} (an open connection its caller closes) as Flyway's first connection. */
    public static Flyway create(
            DatabaseTargetSource source,
            java.sql.Connection lent,
            MigrationsLocation location,
            boolean allowClean,
            org.flywaydb.core.api.callback.Callback... callbacks) {
        DatabaseTarget database = source.current();
        var configuration = Flyway.configure();
        // a session-level lock, so that Flyway runs on one connection on PostgreSQL as it does on MySQL (see
        // FlywayDataSource), and CREATE INDEX CONCURRENTLY does not wait for Flyway's own transaction
        configuration
                .getConfigurationExtension(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        return configuration
                .callbacks(callbacks)
                .dataSource(new FlywayDataSource(source, PinnedSessions.of(database), lent))
                .locations(location.forEngine(database.engine()))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .validateOnMigrate(true)
                .cleanDisabled(!allowClean)
                .connectRetries(0)
                .load();
    }
}
