package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import dev.slipway.testing.UnpackedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migration task's image (profile {@code container-image}) run as ECS would run it, without Docker (see
 * {@link UnpackedImage}): its entry point, as its non-root user, with only the environment a task definition gives
 * it, applies the blog's migrations to a real database and exits 0.
 */
@EnabledIfSystemProperty(
        named = "slipway.task.image.tar",
        matches = ".+",
        disabledReason = "builds with -Pcontainer-image only")
class MigrationTaskImageIT {

    @TempDir
    static Path work;

    private static UnpackedImage image;

    @BeforeAll
    static void unpack() throws Exception {
        image = UnpackedImage.unpack(Paths.get(System.getProperty("slipway.task.image.tar")), work);
    }

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theImage_appliesTheBlogsMigrations_andExitsZero(TestServer server) throws Exception {
        assertThat(image.config().get("User").asText()).isEqualTo("65532:65532");
        try (TestDatabase db = server.createDatabase()) {
            Path log = work.resolve("task-" + db.engine() + ".log");
            Process task = image.entryPoint(Map.of(
                            "SLIPWAY_URL", db.url(),
                            "SLIPWAY_USER", db.user(),
                            "SLIPWAY_PASSWORD", db.password() == null ? "" : db.password()))
                    .redirectOutput(log.toFile())
                    .start();

            assertThat(task.waitFor(120, TimeUnit.SECONDS)).as("the task ends").isTrue();
            assertThat(task.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("slipway-migrations: Applied");
            assertThat(history(db)).isNotEmpty().allMatch(version -> version.matches("\\d+"));
        }
    }

    private static List<String> history(TestDatabase db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("select version from flyway_schema_history where success and version is not"
                                + " null order by installed_rank")) {
            while (rs.next()) versions.add(rs.getString(1));
        }
        return versions;
    }
}
