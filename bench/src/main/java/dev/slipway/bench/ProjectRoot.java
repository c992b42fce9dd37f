package dev.slipway.bench;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Setting;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The checkout the benchmarks run in, found from the working directory (the root or bench/), not assumed. */
final class ProjectRoot {

    private ProjectRoot() {}

    static Path get() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/blog")) && Files.isRegularFile(p.resolve("mvnw"))) return p;
        }
        throw new IllegalStateException("Run the benchmarks inside a Slipway checkout (no examples/blog above "
                + Path.of("").toAbsolutePath() + ").");
    }

    static Path example() {
        return get().resolve("examples/blog");
    }

    /** Applies the example's migrations to {@code db}, as the migration function would. */
    static void migrateBlog(TestDatabase db) {
        DatabaseTarget config = DatabaseTarget.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .build();
        new Migrator(config, MigrationsLocation.directory(example().resolve("migrations")), line -> {}).deploy();
    }

    /** The environment a function gets to reach {@code db} without a secret. */
    static Map<String, String> functionEnv(TestDatabase db) {
        return Map.of(
                Setting.URL.env(), db.url(), Setting.USER.env(), db.user(), Setting.PASSWORD.env(), db.password());
    }
}
