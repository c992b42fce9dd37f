package dev.slipway.lambda.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.aws.Ecs;
import dev.slipway.core.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration custom resource for migrations longer than a Lambda may run, as the two handlers of the CDK
 * Provider framework's asynchronous mode
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.custom_resources-readme.html#asynchronous-providers-iscomplete):
 *
 * <ul>
 *   <li>{@code dev.slipway.lambda.migrations.MigrationTaskFunction::onEvent}: Create and Update start the migration
 *       task ({@link MigrationTask} in a Fargate task, {@code ecs:RunTask}) and return at once with its ARN in
 *       {@code Data.TaskArn}; Delete leaves the schema alone.
 *   <li>{@code dev.slipway.lambda.migrations.MigrationTaskFunction::isComplete}: the Provider calls it every
 *       {@code queryInterval} with that event and Data until it answers {@code IsComplete: true} or its total
 *       timeout passes; it asks ECS for the task ({@code ecs:DescribeTasks}): still running is not complete, exit
 *       code 0 is complete, anything else fails the resource with the task's exit code, stop reason and log.
 * </ul>
 */
public class MigrationTaskFunction {

    private final Map<String, String> env;
    private final Ecs ecs;

    /** Used by Lambda: configuration from the environment. */
    public MigrationTaskFunction() {
        this(System.getenv());
    }

    public MigrationTaskFunction(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.ecs = Ecs.fromEnvironment(env);
        require(Setting.TASK_CLUSTER);
        require(Setting.TASK_DEFINITION);
        require(Setting.TASK_SUBNETS);
        require(Setting.TASK_SECURITY_GROUPS);
    }

    public void onEvent(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MigrationFunction.JSON.readTree(input);
        String requestType = event.path("RequestType").asText("");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("PhysicalResourceId", physicalId(event));
        switch (requestType) {
            case "Delete" -> response.put("Data", Map.of("Deleted", "schema left in place"));
            case "Create", "Update" -> {
                String taskArn = ecs.runTask(new Ecs.TaskLaunch(
                        get(Setting.TASK_CLUSTER),
                        get(Setting.TASK_DEFINITION),
                        list(Setting.TASK_SUBNETS),
                        list(Setting.TASK_SECURITY_GROUPS),
                        "slipway-migrations"));
                System.out.println("slipway-migrations: started the migration task " + taskArn);
                response.put("Data", Map.of("TaskArn", taskArn));
            }
            default ->
                throw new IllegalArgumentException("Expected a CloudFormation custom-resource event (RequestType"
                        + " Create, Update or Delete), got RequestType '" + requestType + "'.");
        }
        MigrationFunction.JSON.writeValue(output, response);
    }

    public void isComplete(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MigrationFunction.JSON.readTree(input);
        String taskArn = event.path("Data").path("TaskArn").asText(null);
        Map<String, Object> response = new LinkedHashMap<>();
        if (taskArn == null) { // Delete started nothing
            response.put("IsComplete", true);
            MigrationFunction.JSON.writeValue(output, response);
            return;
        }
        Ecs.TaskState task = ecs.describeTask(get(Setting.TASK_CLUSTER), taskArn);
        if (!task.stopped()) {
            System.out.println("slipway-migrations: the migration task " + taskArn + " is " + task.lastStatus());
            response.put("IsComplete", false);
        } else if (task.succeeded()) {
            System.out.println("slipway-migrations: the migration task " + taskArn + " applied the migrations");
            response.put("IsComplete", true);
            response.put("Data", Map.of("TaskArn", taskArn, "ExitCode", "0"));
        } else {
            throw new IllegalStateException(failure(task));
        }
        MigrationFunction.JSON.writeValue(output, response);
    }

    private String failure(Ecs.TaskState task) {
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String logGroup = env.get(Setting.TASK_LOG_GROUP.env());
        String where = logGroup == null || logGroup.isBlank()
                ? "the task's log"
                : "log group " + logGroup + ", stream migrations/" + container() + "/" + taskId;
        String exit = task.exitCode() == null
                ? "stopped before its container exited (" + task.stopCode() + ": " + task.stoppedReason()
                        + (task.reason() == null ? "" : "; " + task.reason()) + ")"
                : "exited with code " + task.exitCode();
        return "The migration task " + taskId + " " + exit + ". The reason is in " + where
                + " ('slipway-migrations: FAILED: ...'). Fix it and update the stack again; applied migrations are"
                + " not applied twice.";
    }

    private static String physicalId(JsonNode event) {
        String id = event.path("PhysicalResourceId").asText("");
        return id.isEmpty() ? event.path("LogicalResourceId").asText("SlipwayMigrations") : id;
    }

    private String container() {
        String name = env.get(Setting.TASK_CONTAINER.env());
        return name == null || name.isBlank() ? "migrations" : name;
    }

    private String get(Setting setting) {
        return env.get(setting.env()).strip();
    }

    private List<String> list(Setting setting) {
        return Arrays.stream(get(setting).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private void require(Setting setting) {
        String value = env.get(setting.env());
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(setting.env() + " is not set. The migration task mode needs "
                    + Setting.TASK_CLUSTER.env() + ", " + Setting.TASK_DEFINITION.env() + ", "
                    + Setting.TASK_SUBNETS.env() + " and " + Setting.TASK_SECURITY_GROUPS.env()
                    + " (SlipwayMigrations sets them in task mode).");
        }
    }
}
