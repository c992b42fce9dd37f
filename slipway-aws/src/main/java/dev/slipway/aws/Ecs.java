package dev.slipway.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two ECS calls a migration that outlives Lambda needs: {@code RunTask} of a Fargate task and {@code
 * DescribeTasks} to poll it (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html,
 * API_DescribeTasks.html), signed with SigV4, without the AWS SDK. By hand because the SDK's {@code ecs} client is not
 * published at the SDK version Slipway is pinned to, and with the signer already in the function the two calls are
 * small; {@code EcsTest} checks that the local stand-in ({@code LocalEcs}) answers the SDK's own client as ECS does.
 */
public final class Ecs {

    private final AwsJsonCall calls;

    public Ecs(URI endpoint, String region, AwsIdentitySource identity) {
        this(new AwsJsonCall(endpoint, region, "ecs", identity));
    }

    private Ecs(AwsJsonCall calls) {
        this.calls = calls;
    }

    /** Region, keys and endpoint ({@code AWS_ENDPOINT_URL_ECS}) from the environment, as {@link SecretsManager}. */
    public static Ecs fromEnvironment(Map<String, String> env) {
        return new Ecs(AwsJsonCall.fromEnvironment(env, "ECS", "ecs", "start the migration task with"));
    }

    /** What to run: a Fargate task in private subnets, with no public IP. */
    public record TaskLaunch(
            String cluster,
            String taskDefinition,
            List<String> subnets,
            List<String> securityGroups,
            String startedBy) {}

    /** A task as {@code DescribeTasks} reports it; {@code exitCode} is that of the task's essential container. */
    public record TaskState(
            String taskArn, String lastStatus, String stopCode, String stoppedReason, Integer exitCode, String reason) {

        public boolean stopped() {
            return "STOPPED".equals(lastStatus);
        }

        public boolean succeeded() {
            return stopped() && exitCode != null && exitCode == 0;
        }
    }

    /** Starts one task; returns its ARN. */
    public String runTask(TaskLaunch launch) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", launch.cluster());
        request.put("taskDefinition", launch.taskDefinition());
        request.put("launchType", "FARGATE");
        request.put("count", 1);
        request.put("startedBy", launch.startedBy());
        request.put(
                "networkConfiguration",
                Map.of(
                        "awsvpcConfiguration",
                        Map.of(
                                "subnets", launch.subnets(),
                                "securityGroups", launch.securityGroups(),
                                "assignPublicIp", "DISABLED")));
        JsonNode answer = calls.call(
                "AmazonEC2ContainerServiceV20141113.RunTask", request, "RunTask of " + launch.taskDefinition());
        JsonNode task = answer.path("tasks").path(0);
        if (!task.hasNonNull("taskArn")) {
            JsonNode failure = answer.path("failures").path(0);
            throw new AwsCallException(
                    200,
                    failure.path("reason").asText(null),
                    "ECS did not start the migration task " + launch.taskDefinition() + " in cluster "
                            + launch.cluster()
                            + ": " + failure.path("reason").asText("no reason given")
                            + (failure.hasNonNull("detail")
                                    ? " (" + failure.get("detail").asText() + ")"
                                    : "")
                            + ". Check the cluster's capacity and the task's subnets.",
                    null);
        }
        return task.get("taskArn").asText();
    }

    /** The task's state now. */
    public TaskState describeTask(String cluster, String taskArn) {
        JsonNode answer = calls.call(
                "AmazonEC2ContainerServiceV20141113.DescribeTasks",
                Map.of("cluster", cluster, "tasks", List.of(taskArn)),
                "DescribeTasks of " + taskArn);
        JsonNode task = answer.path("tasks").path(0);
        if (!task.hasNonNull("taskArn")) {
            throw new AwsCallException(
                    200,
                    answer.path("failures").path(0).path("reason").asText(null),
                    "ECS does not know the task " + taskArn + " in cluster " + cluster + " ("
                            + answer.path("failures").path(0).path("reason").asText("no reason given")
                            + "); ECS forgets stopped tasks after about an hour.",
                    null);
        }
        JsonNode container = task.path("containers").path(0);
        return new TaskState(
                task.get("taskArn").asText(),
                task.path("lastStatus").asText(null),
                task.path("stopCode").asText(null),
                task.path("stoppedReason").asText(null),
                container.hasNonNull("exitCode") ? container.get("exitCode").asInt() : null,
                container.path("reason").asText(null));
    }
}
