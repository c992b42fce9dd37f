package dev.slipway.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.Setting;
import dev.slipway.local.aws.LocalEcs;
import dev.slipway.local.layer.Outcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code slipway up --migrations-as-task}: the migrations the way {@code SlipwayMigrations} in task mode runs them
 * on AWS. The CDK Provider's two handlers run as local functions from the migration zip ({@code
 * MigrationTaskFunction::onEvent} starts the task, {@code ::isComplete} is polled until it stops), against a local
 * ECS ({@link LocalEcs}) that runs the task, {@code MigrationTask} from the same zip, as a child JVM, as the image's
 * entry point does. Unlike the migration function, the task is not bound by a Lambda timeout.
 */
final class MigrationTaskRun {

    static final String ON_EVENT = "dev.slipway.lambda.migrations.MigrationTaskFunction::onEvent";
    static final String IS_COMPLETE = "dev.slipway.lambda.migrations.MigrationTaskFunction::isComplete";
    static final String TASK_MAIN = "dev.slipway.lambda.migrations.MigrationTask";
    private static final String DEFINITION = "arn:aws:ecs:local:000000000000:task-definition/slipway-migrations:1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Provider framework's limit, and its polling interval here (30 s on AWS; a local run need not wait). */
    private static final Duration TOTAL_TIMEOUT = Duration.ofHours(2);

    private static final Duration POLL = Duration.ofSeconds(1);

    private MigrationTaskRun() {}

    /** Runs the task to its end; returns the summary line, or throws with the task's reason and log. */
    static String run(
            FunctionSpec migrations,
            Map<String, String> databaseEnv,
            Path work,
            PrintStream log,
            Consumer<String> progress)
            throws Exception {
        try (LocalEcs ecs = new LocalEcs()) {
            Path taskLog = work.resolve("migration-task.log");
            Map<String, String> handlers = new LinkedHashMap<>();
            handlers.put(Setting.TASK_CLUSTER.env(), "slipway-up");
            handlers.put(Setting.TASK_DEFINITION.env(), DEFINITION);
            handlers.put(Setting.TASK_SUBNETS.env(), "subnet-local");
            handlers.put(Setting.TASK_SECURITY_GROUPS.env(), "sg-local");
            handlers.put(Setting.TASK_LOG_GROUP.env(), taskLog.toString());
            handlers.put("AWS_REGION", "local");
            handlers.put("AWS_ACCESS_KEY_ID", "LOCAL");
            handlers.put("AWS_SECRET_ACCESS_KEY", "local");
            handlers.put("AWS_ENDPOINT_URL_ECS", ecs.endpoint().toString());
            try (LocalFunction onEvent = LocalFunction.deploy(
                            migrations.name() + "-on-event", migrations.artifact(), ON_EVENT, handlers, work, 1, log);
                    LocalFunction isComplete = LocalFunction.deploy(
                            migrations.name() + "-is-complete",
                            migrations.artifact(),
                            IS_COMPLETE,
                            handlers,
                            work,
                            1,
                            log)) {
                Path root = onEvent.taskRoot();
                String java =
                        Path.of(System.getProperty("java.home"), "bin", "java").toString();
                ecs.define(
                        DEFINITION,
                        new LocalEcs.TaskCommand(
                                List.of(java, "-cp", root + ":" + root.resolve("lib") + "/*", TASK_MAIN),
                                databaseEnv,
                                taskLog));
                progress.accept("Starting the migration task (the Provider's onEvent), log: " + taskLog);
                ObjectNode event = JSON.createObjectNode()
                        .put("RequestType", "Create")
                        .put("LogicalResourceId", "Migrations")
                        .put("ResourceType", "Custom::SlipwayMigrations");
                JsonNode started = answer(onEvent.invoke(event.toString(), Duration.ofMinutes(1)), "onEvent", taskLog);
                started.properties().forEach(e -> event.set(e.getKey(), e.getValue()));
                String taskArn = event.path("Data").path("TaskArn").asText();
                long deadline = System.nanoTime() + TOTAL_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    Thread.sleep(POLL.toMillis());
                    JsonNode done =
                            answer(isComplete.invoke(event.toString(), Duration.ofMinutes(1)), "isComplete", taskLog);
                    if (done.path("IsComplete").asBoolean()) {
                        return "Migrations: applied by the migration task "
                                + taskArn.substring(taskArn.lastIndexOf('/') + 1) + " (log: " + taskLog + ")";
                    }
                }
                throw new IllegalStateException("The migration task did not finish within 2 hours (the CDK Provider's"
                        + " limit); its log: " + taskLog);
            }
        }
    }

    private static JsonNode answer(Outcome outcome, String handler, Path taskLog) throws Exception {
        if (outcome.failed()) {
            String message = JSON.readTree(outcome.error()).path("errorMessage").asText(outcome.error());
            throw new IllegalStateException("The migration custom resource failed (" + handler + "): " + message
                    + " The task's log: " + taskLog);
        }
        return JSON.readTree(outcome.payload());
    }
}
