package dev.slipway.lambda.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.migrate.internal.postgresql.PostgresBehaviour;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestLambdaContext;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * A raw custom resource is answered before the migration function's time runs out, whatever the deploy is doing:
 * waiting for another deploy's lock (held here by another session) or running a migration longer than the
 * function may live. Without an answer CloudFormation would wait an hour for one.
 */
class MigrationFunctionTimeBoundsIT {

    private static final int REMAINING_MILLIS = 16_000;

    @TempDir
    Path dir;

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aDeployWaitingForAnotherDeploysLock_answersFailedWithTheReason_beforeTheTimeRunsOut(TestServer server)
            throws Exception {
        try (TestDatabase db = server.createDatabase();
                Connection other = db.connect();
                LocalHttp cloudFormation = new LocalHttp(r -> "")) {
            Map<String, String> env = blog(db, null);
            boolean postgres = db.url().startsWith("jdbc:postgresql:");
            try (ResultSet rs = other.createStatement()
                    .executeQuery(
                            postgres
                                    ? "select pg_advisory_lock(" + PostgresBehaviour.LOCK_KEY + ")"
                                    : "select get_lock('slipway_deploy_" + db.name() + "', 1)")) {
                assertThat(rs.next()).isTrue(); // another deploy holds the lock
            }

            Duration took = createThrough(cloudFormation, env);

            JsonNode answer = MigrationFunction.JSON.readTree(
                    cloudFormation.received.get(0).body());
            assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
            assertThat(answer.get("Reason").asText())
                    .contains("Another deploy held")
                    .contains("as long as this deploy could wait");
            assertThat(took).isLessThan(Duration.ofMillis(REMAINING_MILLIS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aMigrationLongerThanTheFunctionsTime_isAnsweredFailed_beforeTheTimeRunsOut(TestServer server)
            throws Exception {
        try (TestDatabase db = server.createDatabase();
                LocalHttp cloudFormation = new LocalHttp(r -> "")) {
            boolean postgres = db.url().startsWith("jdbc:postgresql:");
            Map<String, String> env = blog(db, postgres ? "select pg_sleep(25)" : "do sleep(25)");

            Duration took = createThrough(cloudFormation, env);

            JsonNode answer = MigrationFunction.JSON.readTree(
                    cloudFormation.received.get(0).body());
            assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
            assertThat(answer.get("Reason").asText())
                    .contains("did not finish within the migration function's time")
                    .contains("SlipwayMigrations.TaskProps");
            assertThat(took).isLessThan(Duration.ofMillis(REMAINING_MILLIS));
        }
    }

    /** The blog's first migration, and a second that waits when {@code slowStatement} is given. */
    private Map<String, String> blog(TestDatabase db, String slowStatement) throws Exception {
        BlogMigrations.init(dir);
        if (slowStatement != null) {
            String engine = db.url().startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
            Files.writeString(dir.resolve("migrations/" + engine + "/V2__slow.sql"), slowStatement + ";\n");
        }
        Map<String, String> env = new HashMap<>();
        env.put("SLIPWAY_MIGRATIONS", "filesystem:" + dir.resolve("migrations"));
        env.put("SLIPWAY_URL", db.url());
        env.put("SLIPWAY_USER", db.user());
        env.put("SLIPWAY_PASSWORD", db.password() == null ? "" : db.password());
        return env;
    }

    /** A raw CloudFormation Create, given {@link #REMAINING_MILLIS}; returns how long the function took. */
    private static Duration createThrough(LocalHttp cloudFormation, Map<String, String> env) throws Exception {
        ObjectNode event = MigrationFunction.JSON
                .createObjectNode()
                .put("RequestType", "Create")
                .put("ResponseURL", cloudFormation.url("/cfn"))
                .put("StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/blog/1")
                .put("RequestId", "r-1")
                .put("LogicalResourceId", "Migrations")
                .put("ResourceType", "Custom::SlipwayMigrations");
        event.putObject("ResourceProperties").put("ServiceToken", "arn:aws:lambda:eu-west-1:1:function:m");
        long start = System.nanoTime();
        new MigrationFunction(env, UrlConnectionHttpClient.create())
                .handleRequest(
                        new ByteArrayInputStream(event.toString().getBytes()),
                        new ByteArrayOutputStream(),
                        new TestLambdaContext(REMAINING_MILLIS));
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
