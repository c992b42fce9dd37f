package dev.slipway.lambda.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.SecretSource;
import dev.slipway.lambda.migrations.internal.RawCustomResource;
import dev.slipway.migrate.DeployResult;
import dev.slipway.migrate.MigrationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The migration Lambda. Handler: {@code dev.slipway.lambda.migrations.MigrationFunction::handleRequest}.
 *
 * <ul>
 *   <li>A CloudFormation custom-resource event: Create and Update deploy the migrations shipped in the artifact;
 *       Delete succeeds without touching the schema (data is never dropped). Behind the CDK Provider framework
 *       (which hands over a sanitised {@code ResponseURL}) the result is returned; as a raw custom resource it
 *       is PUT to {@code ResponseURL} by Powertools, FAILED with the reason when something goes wrong.
 *   <li>A direct invocation {@code {"command": "deploy" | "status" | "reset"}}; reset only with
 *       {@code SLIPWAY_ALLOW_RESET=true} on the function.
 * </ul>
 */
public class MigrationFunction implements RequestStreamHandler {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final MigrationRunner runner;
    private final SdkHttpClient responseClient;

    /** Used by Lambda: configuration from the environment, migrations from {@code classpath:migrations}. */
    public MigrationFunction() {
        this(System.getenv(), UrlConnectionHttpClient.create());
    }

    public MigrationFunction(Map<String, String> env, SdkHttpClient responseClient) {
        this.runner = new MigrationRunner(
                CredentialsProvider.fromEnvironment(env, SecretSource.forFunction(env)),
                MigrationRunner.location(env),
                env,
                line -> System.out.println("slipway-migrations: " + line));
        this.responseClient = responseClient;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        Object result;
        if (event != null && event.has("RequestType")) {
            result = customResource(JSON.treeToValue(event, CloudFormationCustomResourceEvent.class), context);
        } else if (event != null && event.has("command")) {
            result = command(event.get("command").asText(), context);
        } else {
            throw new IllegalArgumentException("Expected a CloudFormation custom-resource event or"
                    + " {\"command\": \"deploy\" | \"status\" | \"reset\"}.");
        }
        JSON.writeValue(output, result);
    }

    private Object customResource(CloudFormationCustomResourceEvent event, Context context) {
        if (isRealUrl(event.getResponseUrl())) {
            return new RawCustomResource(this::apply, responseClient).handleRequest(event, context);
        }
        // CDK Provider framework: return the result; an exception becomes FAILED with its message as reason
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("PhysicalResourceId", RawCustomResource.physicalId(event));
        response.put("Data", apply(event, context));
        return response;
    }

    /** Create/Update deploy; Delete leaves the schema alone. Returns the Data CloudFormation exposes. */
    private Map<String, String> apply(CloudFormationCustomResourceEvent event, Context context) {
        if ("Delete".equals(event.getRequestType())) {
            return Map.of("Deleted", "schema left in place");
        }
        Duration remaining = remaining(context);
        return FunctionDeadline.within(remaining, () -> data(runner.deploy(remaining)));
    }

    private Object command(String command, Context context) {
        Duration remaining = remaining(context);
        return switch (command) {
            case "deploy" -> data(runner.deploy(remaining));
            case "reset" -> data(runner.reset(remaining));
            case "status" -> status(runner.status(remaining));
            default ->
                throw new IllegalArgumentException("Unknown command '" + command + "'. Use deploy, status or reset.");
        };
    }

    static Map<String, String> data(DeployResult result) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("AppliedVersions", String.join(",", result.applied()));
        data.put("AppliedCount", Integer.toString(result.applied().size()));
        data.put("PreviousVersion", result.fromVersion() == null ? "" : result.fromVersion());
        data.put("CurrentVersion", result.toVersion() == null ? "" : result.toVersion());
        return data;
    }

    private static Map<String, Object> status(MigrationStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("upToDate", status.upToDate());
        out.put("currentVersion", status.currentVersion());
        out.put(
                "applied",
                status.applied().stream().map(MigrationStatus.Entry::version).toList());
        out.put(
                "pending",
                status.pending().stream().map(MigrationStatus.Entry::version).toList());
        out.put("problems", status.problems());
        return out;
    }

    private static Duration remaining(Context context) {
        return context == null ? Duration.ofMinutes(15) : Duration.ofMillis(context.getRemainingTimeInMillis());
    }

    private static boolean isRealUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
