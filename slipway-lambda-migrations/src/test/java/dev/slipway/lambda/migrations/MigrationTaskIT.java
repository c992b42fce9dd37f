package dev.slipway.lambda.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.aws.LocalEcs;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The long-migration path as CloudFormation drives it, locally: the Provider framework calls {@code onEvent}, which
 * starts the migration task (here the ECS stand-in runs {@link MigrationTask} as a child process, from this build's
 * class path, as the Fargate task runs it from its image), then calls {@code isComplete} every second, each call
 * given the 5 s a short Lambda timeout leaves, until the task has stopped. The migration sleeps 8 s: longer than
 * that Lambda could run, which the in-process migration function cannot survive and this path does.
 */
class MigrationTaskIT {

    private static final int LAMBDA_TIMEOUT_MILLIS = 5_000;
    private static final String DEFINITION = "arn:aws:ecs:eu-west-1:123456789012:task-definition/blog-migrations:1";

    @TempDir
    Path dir;

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aMigrationLongerThanTheLambdaTimeout_runsAsATask_andTheResourceCompletesWhenItExits(TestServer server)
            throws Exception {
        try (TestDatabase db = server.createDatabase();
                LocalEcs ecs = new LocalEcs()) {
            String engine = db.url().startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
            writeMigrations(engine, engine.equals("postgresql") ? "select pg_sleep(8)" : "do sleep(8)");
            Map<String, String> function = functionEnvironment(ecs, db);

            long started = System.nanoTime();
            JsonNode created = onEvent(function, "Create");
            String taskArn = created.path("Data").path("TaskArn").asText();
            assertThat(taskArn).startsWith("arn:aws:ecs:");
            int polls = 0;
            JsonNode answer;
            do {
                Thread.sleep(1000);
                polls++;
                answer = isComplete(function, created);
            } while (!answer.path("IsComplete").asBoolean());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took)
                    .as("longer than the Lambda timeout")
                    .isGreaterThan(Duration.ofMillis(LAMBDA_TIMEOUT_MILLIS));
            assertThat(polls).isGreaterThan(5);
            assertThat(answer.path("Data").path("TaskArn").asText()).isEqualTo(taskArn);
            assertThat(history(db)).containsExactly("1", "2");
            assertThat(Files.readString(dir.resolve("task.log"))).contains("Applied 2 migration(s): 1, 2");
            JsonNode launch = ecs.launches().get(0).request();
            assertThat(launch.path("taskDefinition").asText()).isEqualTo(DEFINITION);
            assertThat(launch.path("networkConfiguration")
                            .path("awsvpcConfiguration")
                            .path("securityGroups")
                            .get(0)
                            .asText())
                    .isEqualTo("sg-migrations");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aFailingTask_failsTheResource_withItsExitCodeAndWhereItsLogIs(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                LocalEcs ecs = new LocalEcs()) {
            String engine = db.url().startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
            writeMigrations(engine, "select * from a_table_that_does_not_exist");
            Map<String, String> function = functionEnvironment(ecs, db);

            JsonNode created = onEvent(function, "Create");
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 60; i++) {
                            Thread.sleep(500);
                            if (isComplete(function, created).path("IsComplete").asBoolean()) return;
                        }
                    })
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code 1")
                    .hasMessageContaining("log group /slipway/blog-migrations, stream migrations/migrations/");
            assertThat(Files.readString(dir.resolve("task.log")))
                    .contains("slipway-migrations: FAILED: Migration failed")
                    .contains("V2__slow.sql");
            assertThat(history(db)).containsExactly("1");
        }
    }

    @org.junit.jupiter.api.Test
    void delete_startsNoTask_andIsCompleteAtOnce() throws Exception {
        try (LocalEcs ecs = new LocalEcs()) {
            Map<String, String> function = new HashMap<>(taskSettings(ecs));
            JsonNode deleted = onEvent(function, "Delete");
            assertThat(isComplete(function, deleted).path("IsComplete").asBoolean())
                    .isTrue();
            assertThat(ecs.launches()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void withoutTheTaskSettings_theFunctionSaysWhichAreMissing() {
        assertThatThrownBy(() -> new MigrationTaskFunction(
                        Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "s")))
                .hasMessageContaining("SLIPWAY_TASK_CLUSTER is not set")
                .hasMessageContaining("SLIPWAY_TASK_SUBNETS");
    }

    private void writeMigrations(String engine, String slowStatement) throws Exception {
        BlogMigrations.init(dir);
        Files.writeString(
                dir.resolve("migrations/" + engine + "/V2__slow.sql"),
                "create table backfilled (id int primary key);\n" + slowStatement + ";\n");
    }

    private static Map<String, String> taskSettings(LocalEcs ecs) {
        Map<String, String> env = new HashMap<>();
        env.put("SLIPWAY_TASK_CLUSTER", "blog");
        env.put("SLIPWAY_TASK_DEFINITION", DEFINITION);
        env.put("SLIPWAY_TASK_SUBNETS", "subnet-a, subnet-b");
        env.put("SLIPWAY_TASK_SECURITY_GROUPS", "sg-migrations");
        env.put("SLIPWAY_TASK_LOG_GROUP", "/slipway/blog-migrations");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIAFUNCTION");
        env.put("AWS_SECRET_ACCESS_KEY", "function/secret");
        env.put("AWS_ENDPOINT_URL_ECS", ecs.endpoint().toString());
        return env;
    }

    /** The function's settings; the task definition runs MigrationTask in a JVM of its own with the task's. */
    private Map<String, String> functionEnvironment(LocalEcs ecs, TestDatabase db) {
        Map<String, String> task = Map.of(
                "SLIPWAY_URL", db.url(),
                "SLIPWAY_USER", db.user(),
                "SLIPWAY_PASSWORD", db.password(),
                "SLIPWAY_MIGRATIONS", "filesystem:" + dir.resolve("migrations"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ecs.define(
                DEFINITION,
                new LocalEcs.TaskCommand(
                        List.of(java, "-cp", System.getProperty("java.class.path"), MigrationTask.class.getName()),
                        task,
                        dir.resolve("task.log")));
        return taskSettings(ecs);
    }

    private static JsonNode onEvent(Map<String, String> env, String requestType) throws Exception {
        ObjectNode event = MigrationFunction.JSON
                .createObjectNode()
                .put("RequestType", requestType)
                .put("LogicalResourceId", "Migrations")
                .put("ResourceType", "Custom::SlipwayMigrations");
        if (!requestType.equals("Create")) event.put("PhysicalResourceId", "Migrations");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MigrationTaskFunction(env)
                .onEvent(
                        new ByteArrayInputStream(event.toString().getBytes()),
                        out,
                        new TestLambdaContext(LAMBDA_TIMEOUT_MILLIS));
        JsonNode answer = MigrationFunction.JSON.readTree(out.toByteArray());
        // what the Provider framework hands to isComplete: the request merged with onEvent's answer
        ObjectNode merged = event.deepCopy();
        answer.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        return merged;
    }

    private static JsonNode isComplete(Map<String, String> env, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        new MigrationTaskFunction(env)
                .isComplete(
                        new ByteArrayInputStream(event.toString().getBytes()),
                        out,
                        new TestLambdaContext(LAMBDA_TIMEOUT_MILLIS));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        return MigrationFunction.JSON.readTree(out.toByteArray());
    }

    private static List<String> history(TestDatabase db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("select version from flyway_schema_history where success and version is not null"
                                + " order by installed_rank")) {
            while (rs.next()) versions.add(rs.getString(1));
        }
        return versions;
    }
}
