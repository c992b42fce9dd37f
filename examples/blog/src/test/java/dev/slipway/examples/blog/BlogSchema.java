package dev.slipway.examples.blog;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.testing.TestDatabase;
import java.nio.file.Path;

/** The blog's migrations (examples/blog/migrations), applied to a test database as a deploy would. */
public final class BlogSchema {

    private BlogSchema() {}

    public static void migrate(TestDatabase db) {
        DatabaseTarget config = DatabaseTarget.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .build();
        new Migrator(config, MigrationsLocation.directory(Path.of("migrations")), s -> {}).deploy();
    }
}
