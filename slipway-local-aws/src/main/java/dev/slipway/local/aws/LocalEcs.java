package dev.slipway.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Amazon ECS on 127.0.0.1 (port 0) that runs each Fargate task as a child process: {@code RunTask}
 * starts the command registered for the task definition, {@code DescribeTasks} reports it as ECS does, {@code
 * RUNNING} while the process lives, then {@code STOPPED} with {@code stopCode EssentialContainerExited} and the
 * process's exit code as the container's. Requests must be AWS JSON 1.1 with the ECS {@code X-Amz-Target} and
 * carry a SigV4 {@code Authorization} for service {@code ecs} (the key is not checked). Shapes as in
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html and API_DescribeTasks.html.
 */
public final class LocalEcs extends LocalAwsService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";

    /** What a task definition runs: a command, its environment, and the file its output goes to. */
    public record TaskCommand(List<String> command, Map<String, String> environment, Path log) {}

    /** A RunTask as received, for assertions. */
    public record Launch(String taskArn, JsonNode request) {}

    private final Map<String, TaskCommand> definitions = new ConcurrentHashMap<>();
    private final Map<String, Process> tasks = new ConcurrentHashMap<>();
    private final List<Launch> launches = new CopyOnWriteArrayList<>();

    public LocalEcs() throws IOException {
        super();
    }

    /** The RunTask requests received, in order. */
    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    /** Registers what {@code taskDefinition} (its ARN or family) runs. */
    public void define(String taskDefinition, TaskCommand command) {
        definitions.put(taskDefinition, command);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (authorization == null || !authorization.matches("AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/[^/]+/ecs/.*")) {
            answer(exchange, 400, error("MissingAuthenticationTokenException", "Missing Authentication Token"));
        } else if ((TARGET + "RunTask").equals(target)) {
            runTask(exchange, request);
        } else if ((TARGET + "DescribeTasks").equals(target)) {
            describeTasks(exchange, request);
        } else {
            answer(exchange, 400, error("UnknownOperationException", "unknown X-Amz-Target " + target));
        }
    }

    private void runTask(HttpExchange exchange, JsonNode request) throws IOException {
        String definition = request.path("taskDefinition").asText("");
        TaskCommand command = definitions.get(definition);
        if (command == null) {
            answer(exchange, 400, error("ClientException", "Unable to find task definition '" + definition + "'."));
            return;
        }
        if (!"FARGATE".equals(request.path("launchType").asText())
                || request.path("networkConfiguration")
                        .path("awsvpcConfiguration")
                        .path("subnets")
                        .isEmpty()) {
            answer(
                    exchange,
                    400,
                    error(
                            "InvalidParameterException",
                            "Network Configuration must be provided when" + " networkMode 'awsvpc' is specified."));
            return;
        }
        String arn = "arn:aws:ecs:us-east-1:000000000000:task/"
                + request.path("cluster").asText("default") + "/"
                + UUID.randomUUID().toString().replace("-", "");
        ProcessBuilder process = new ProcessBuilder(command.command()).redirectErrorStream(true);
        process.environment().putAll(command.environment());
        if (command.log() != null)
            process.redirectOutput(
                    ProcessBuilder.Redirect.appendTo(command.log().toFile()));
        tasks.put(arn, process.start());
        launches.add(new Launch(arn, request));
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("tasks").add(task(arn, "PROVISIONING", null));
        answer.putArray("failures");
        answer(exchange, 200, answer.toString());
    }

    private void describeTasks(HttpExchange exchange, JsonNode request) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode arn : request.path("tasks")) {
            Process process = tasks.get(arn.asText());
            if (process == null) {
                failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
            } else {
                found.add(
                        process.isAlive()
                                ? task(arn.asText(), "RUNNING", null)
                                : task(arn.asText(), "STOPPED", process.exitValue()));
            }
        }
        answer(exchange, 200, answer.toString());
    }

    private static ObjectNode task(String arn, String status, Integer exitCode) {
        ObjectNode task = JSON.createObjectNode()
                .put("taskArn", arn)
                .put("lastStatus", status)
                .put("desiredStatus", exitCode == null ? "RUNNING" : "STOPPED")
                .put("launchType", "FARGATE");
        ObjectNode container = task.putArray("containers")
                .addObject()
                .put("name", "migrations")
                .put("lastStatus", status);
        if (exitCode != null) {
            task.put("stopCode", "EssentialContainerExited").put("stoppedReason", "Essential container in task exited");
            container.put("exitCode", exitCode);
        }
        return task;
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode()
                .put("__type", type)
                .put("message", message)
                .toString();
    }

    @Override
    public void close() {
        super.close();
        tasks.values().forEach(Process::destroyForcibly);
    }
}
