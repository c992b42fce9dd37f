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

    /**
     * What MigrationTaskProvider's task definition gives the container on ECS: the database secret's ARN, the
     * database name and the region, no credentials; the task role's keys come from the container credentials
     * endpoint (a stand-in requiring its token) and Secrets Manager is a stand-in that checks their SigV4.
     */
    @org.junit.jupiter.api.Test
    void theImage_withTheSettingsOfTheEcsTask_readsTheDatabaseSecret_andMigrates() throws Exception {
        var identity = software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity.create(
                "ASIATASKROLE", "task/role/secret", "task-session");
        String secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blog-db-AbCdEf";
        try (TestDatabase db = TestServers.postgres().createDatabase();
                dev.slipway.testing.SecretsManagerStandIn secrets =
                        new dev.slipway.testing.SecretsManagerStandIn(identity, "eu-west-1")) {
            java.net.URI address = java.net.URI.create(db.url().substring("jdbc:".length()));
            secrets.put(
                    secretArn,
                    "{\"engine\":\"postgres\",\"host\":\"" + address.getHost() + "\",\"port\":"
                            + address.getPort() + ",\"username\":\"" + db.user()
                            + "\",\"password\":\"unused-here\",\"dbname\":\"postgres\"}");
            try (dev.slipway.testing.ContainerCredentialsStandIn credentials =
                    new dev.slipway.testing.ContainerCredentialsStandIn(identity, "ecs-token")) {
                Path log = work.resolve("task-ecs.log");
                Map<String, String> env = new java.util.HashMap<>(credentials.environment());
                env.putAll(Map.of(
                        "SLIPWAY_DB_SECRET_ARN",
                        secretArn,
                        "SLIPWAY_DB_NAME",
                        db.name(),
                        "AWS_REGION",
                        "eu-west-1",
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                        secrets.endpoint().toString()));
                Process task =
                        image.entryPoint(env).redirectOutput(log.toFile()).start();
                assertThat(task.waitFor(120, TimeUnit.SECONDS))
                        .as("the task ends")
                        .isTrue();
                assertThat(task.exitValue()).as(Files.readString(log)).isZero();
                assertThat(secrets.reads()).isEqualTo(1);
                assertThat(history(db)).isNotEmpty();
            }
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
