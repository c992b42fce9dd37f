package dev.slipway.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.Setting;
import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RoutesFile;
import dev.slipway.migrate.DatabaseConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole stack on this machine: the functions from their Lambda zips, the migration function invoked with a
 * real CloudFormation Create event (its response PUT to a local ResponseURL), then the HTTP API from the routes
 * file. The database is given (embedded or not) and outlives the stack.
 */
public final class LocalStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LocalFunction> functions;
    private final LocalHttpApi api;
    private final String migrationSummary;

    private LocalStack(Map<String, LocalFunction> functions, LocalHttpApi api, String migrationSummary) {
        this.functions = functions;
        this.api = api;
        this.migrationSummary = migrationSummary;
    }

    /** Everything a start needs. */
    public record Options(
            Path projectDir,
            Map<String, String> settings,
            DatabaseConfig database,
            int port,
            String migrationFunction,
            Path routesFile) {}

    public static LocalStack start(Options options, PrintStream functionLog, Consumer<String> progress)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.URL.env(), options.database().url());
        if (options.database().user() != null)
            env.put(Setting.USER.env(), options.database().user());
        env.put(Setting.PASSWORD.env(), options.database().password());
        Path work = options.projectDir().resolve(".slipway/functions");
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        try {
            for (FunctionSpec spec : FunctionSpec.all(
                    options.settings(),
                    options.projectDir(),
                    options.database().engine().id())) {
                functions.put(
                        spec.name(),
                        LocalFunction.deploy(spec.name(), spec.artifact(), spec.handler(), env, work, 4, functionLog));
            }
            List<Route> routes = RoutesFile.read(options.routesFile());
            for (Route route : routes) {
                if (!functions.containsKey(route.function()) || route.function().equals(options.migrationFunction())) {
                    throw new IllegalArgumentException(options.routesFile() + ": route " + route.routeKey()
                            + " names function '" + route.function() + "', which slipway.properties does not declare"
                            + " as an API function.");
                }
            }
            LocalFunction migrations = functions.remove(options.migrationFunction());
            if (migrations == null) {
                throw new IllegalArgumentException("No function '" + options.migrationFunction()
                        + "' in slipway.properties" + " to run the migrations (slipway.function."
                        + options.migrationFunction() + ".handler).");
            }
            // bound now (a busy port fails fast), served only once the migrations succeeded
            LocalHttpApi api = new LocalHttpApi(options.port(), routes, functions);
            String summary;
            try (migrations) {
                progress.accept("Running the migration function with a CloudFormation Create event");
                summary = runMigrations(migrations);
            } catch (Exception e) {
                api.close();
                throw e;
            }
            progress.accept(summary);
            api.start();
            return new LocalStack(functions, api, summary);
        } catch (Exception e) {
            functions.values().forEach(LocalFunction::close);
            throw e;
        }
    }

    private static String runMigrations(LocalFunction migrations) throws Exception {
        try (ResponseUrlReceiver cloudFormation = new ResponseUrlReceiver()) {
            ObjectNode event = JSON.createObjectNode();
            event.put("RequestType", "Create");
            event.put("ServiceToken", "arn:aws:lambda:local:000000000000:function:" + migrations.name());
            event.put("ResponseURL", cloudFormation.url());
            event.put("StackId", "arn:aws:cloudformation:local:000000000000:stack/slipway-up/" + UUID.randomUUID());
            event.put("RequestId", UUID.randomUUID().toString());
            event.put("LogicalResourceId", "Migrations");
            event.put("ResourceType", "Custom::SlipwayMigrations");
            event.putObject("ResourceProperties")
                    .put("ServiceToken", event.get("ServiceToken").asText());
            Outcome outcome = migrations.invoke(JSON.writeValueAsString(event), Duration.ofMinutes(5));
            if (outcome.failed()) {
                throw new IllegalStateException("The migration function failed: " + outcome.error());
            }
            JsonNode response = JSON.readTree(cloudFormation.await(10));
            if (!"SUCCESS".equals(response.path("Status").asText())) {
                throw new IllegalStateException("The migration custom resource answered FAILED: "
                        + response.path("Reason").asText());
            }
            JsonNode data = response.path("Data");
            String applied = data.path("AppliedVersions").asText();
            return "Migrations: " + (applied.isEmpty() ? "up to date" : "applied " + applied) + " (schema version "
                    + data.path("CurrentVersion").asText() + ")";
        }
    }

    public int port() {
        return api.port();
    }

    public String migrationSummary() {
        return migrationSummary;
    }

    @Override
    public void close() {
        api.close();
        functions.values().forEach(LocalFunction::close);
    }
}
