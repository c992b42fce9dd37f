package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway up} refuses a migration zip built before a migration was added, saying how to build it again,
 * instead of reporting the database up to date from the old migrations (issue 23, item 5).
 */
class StaleZipUpIT {

    @Test
    void up_refusesAMigrationZipOlderThanTheMigrations_sayingHowToBuildItAgain(@TempDir Path migrations)
            throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("migrations"))) {
            for (Path p : files.toList()) {
                Path target =
                        migrations.resolve(Path.of("migrations").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Files.writeString(
                migrations.resolve("postgresql/V99__later.sql"), "create table later (id int primary key);\n");
        try (TestDatabase db = TestServers.postgres().createDatabase();
                SlipwayUpProcess up = SlipwayUpProcess.start(
                        "--url",
                        db.url(),
                        "--user",
                        db.user(),
                        "--password",
                        db.password(),
                        "--migrations",
                        migrations.toString())) {
            assertThatThrownBy(up::awaitUrl)
                    .hasMessageContaining("holds other postgresql migrations than")
                    .hasMessageContaining("Build it again")
                    .hasMessageNotContaining("Migrations: up to date");
        }
    }
}
