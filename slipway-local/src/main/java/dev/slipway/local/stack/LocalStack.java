package dev.slipway.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.JdbcUrls;
import dev.slipway.core.Setting;
import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RoutesFile;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.local.layer.Outcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole stack on this machine: the functions from their Lambda zips, the migration function invoked with a
 * real CloudFormation Create event (its response PUT to a local ResponseURL), the data proxy, then the HTTP API
 * from the routes file. The database is given (embedded or not) and outlives the stack.
 */
public final class LocalStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LocalFunction> functions;
    private final LocalHttpApi api;
    private final DataApiServer dataApi;
    private final String dataApiKey;
    private final String dataApiSecret;
    private final String migrationSummary;

    /** The SigV4 key id of the data proxy in {@code up}; its secret is new each run. */
    public static final String LOCAL_ACCESS_KEY_ID = "SLIPWAYLOCAL";

    private LocalStack(
            Map<String, LocalFunction> functions,
            LocalHttpApi api,
            DataApiServer dataApi,
            String dataApiKey,
            String dataApiSecret,
            String migrationSummary) {
        this.functions = functions;
        this.api = api;
        this.dataApi = dataApi;
        this.dataApiKey = dataApiKey;
        this.dataApiSecret = dataApiSecret;
        this.migrationSummary = migrationSummary;
    }

    /** Everything a start needs. */
    public record Options(
            Path projectDir,
            Map<String, String> settings,
            DatabaseTarget database,
            int port,
            String migrationFunction,
            Path routesFile,
            boolean viaDataApi,
            boolean migrationsAsTask,
            String bindAddress) {

        /** As above, the API on 127.0.0.1 (this machine only). */
        public Options(
                Path projectDir,
                Map<String, String> settings,
                DatabaseTarget database,
                int port,
                String migrationFunction,
                Path routesFile,
                boolean viaDataApi,
                boolean migrationsAsTask) {
            this(
                    projectDir,
                    settings,
                    database,
                    port,
                    migrationFunction,
                    routesFile,
                    viaDataApi,
                    migrationsAsTask,
                    "127.0.0.1");
        }
    }

    /**
     * The authorizer of the routes: the issuer of {@code slipway.jwt.issuer}, else up's development issuer (whose
     * tokens {@code slipway token} mints).
     */
    private static LocalAuthorizer authorizer(
            Options options, List<Route> routes, Map<String, String> accessKeys, Consumer<String> progress)
            throws Exception {
        String audience = options.settings()
                .getOrDefault(
                        Setting.JWT_AUDIENCE.key(),
                        Setting.JWT_AUDIENCE.defaultValue().orElseThrow());
        String issuer = options.settings().get(Setting.JWT_ISSUER.key());
        boolean jwtRoutes =
                routes.stream().anyMatch(r -> r.access().mode() == dev.slipway.core.routes.RouteAccess.Mode.JWT);
        if (routes.stream().anyMatch(r -> r.access().mode() == dev.slipway.core.routes.RouteAccess.Mode.IAM)) {
            progress.accept("auth=iam routes accept requests SigV4-signed for execute-api with the keys below");
        }
        if (issuer != null && !issuer.isBlank()) {
            if (jwtRoutes) progress.accept("auth=jwt routes accept tokens of " + issuer + " for " + audience);
            return LocalAuthorizer.ofIssuer(issuer, audience, accessKeys);
        }
        if (jwtRoutes) {
            progress.accept("auth=jwt routes accept tokens of up's development issuer for " + audience
                    + ": slipway token --sub NAME [--scope S] mints one");
        }
        return LocalAuthorizer.development(DevIssuer.of(options.projectDir()), audience, accessKeys);
    }

    /**
     * Starts in the order AWS deploys: the database is up; the migration function runs as a custom resource;
     * then the data proxy starts; then the API functions, which get its endpoint and a key in their environment.
     */
    public static LocalStack start(Options options, PrintStream functionLog, Consumer<String> progress)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.URL.env(), options.database().url());
        if (options.database().user() != null)
            env.put(Setting.USER.env(), options.database().user());
        env.put(Setting.PASSWORD.env(), options.database().password());
        Path work = options.projectDir().resolve(".slipway/functions");
        List<FunctionSpec> specs = FunctionSpec.all(
                options.settings(),
                options.projectDir(),
                options.database().engine().id());
        List<Route> routes = RoutesFile.read(options.routesFile());
        for (Route route : routes) {
            boolean declared = specs.stream().anyMatch(s -> s.name().equals(route.function()));
            if (!declared || route.function().equals(options.migrationFunction())) {
                throw new IllegalArgumentException(options.routesFile() + ": route " + route.routeKey()
                        + " names function '" + route.function() + "', which slipway.properties does not declare"
                        + " as an API function.");
            }
        }
        FunctionSpec migrationSpec = specs.stream()
                .filter(s -> s.name().equals(options.migrationFunction()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function '" + options.migrationFunction()
                        + "' in slipway.properties to run the migrations (slipway.function."
                        + options.migrationFunction() + ".handler)."));
        // a migration zip built before migrations/ changed would report the database up to date on the old ones
        Path migrationsRoot =
                options.projectDir().resolve(options.settings().getOrDefault(Setting.MIGRATIONS.key(), "migrations"));
        if (java.nio.file.Files.isDirectory(migrationsRoot)
                && java.nio.file.Files.isRegularFile(migrationSpec.artifact())) {
            dev.slipway.schema.ZippedMigrations.requireCurrent(
                    migrationsRoot,
                    migrationSpec.artifact(),
                    options.database().engine(),
                    "Build it again (mvn package; for the example ./mvnw -pl examples/blog -am package -DskipTests),"
                            + " then run up.");
        }
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        // bound now (a busy port fails fast), served only once everything before it is up
        String secret = UUID.randomUUID().toString(); // of LOCAL_ACCESS_KEY_ID: the data proxy and auth=iam routes
        LocalAuthorizer authorizer = authorizer(options, routes, Map.of(LOCAL_ACCESS_KEY_ID, secret), progress);
        LocalHttpApi api = new LocalHttpApi(options.bindAddress(), options.port(), routes, functions, authorizer);
        DataApiServer dataApi = null;
        try {
            String summary = options.migrationsAsTask()
                    ? MigrationTaskRun.run(migrationSpec, env, work, functionLog, progress)
                    : runMigrationFunction(migrationSpec, env, work, functionLog, progress);
            progress.accept(summary);
            String key = UUID.randomUUID().toString();
            DatabaseTarget db = options.database();
            dataApi = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0)
                    .withKeys(Map.of(LOCAL_ACCESS_KEY_ID, secret), Set.of(key)));
            progress.accept("Data proxy: " + dataApi.endpoint());
            Map<String, String> apiEnv = new LinkedHashMap<>(env);
            apiEnv.put(Setting.DATA_API_ENDPOINT.env(), dataApi.endpoint().toString());
            apiEnv.put(Setting.DATA_API_KEY.env(), key);
            List<FunctionSpec> apiSpecs = specs;
            if (options.viaDataApi()) {
                // the API functions reach the database only through the proxy, with the Data API driver: their
                // artifact is the engine-free one (${engine} = data-api) and their URL the proxy's
                apiSpecs = FunctionSpec.all(options.settings(), options.projectDir(), "data-api");
                apiEnv.put(Setting.URL.env(), dataApiUrl(dataApi, db, key));
                apiEnv.remove(Setting.USER.env());
                apiEnv.remove(Setting.PASSWORD.env());
                progress.accept("API functions connect through the data proxy ("
                        + JdbcUrls.mask(apiEnv.get(Setting.URL.env())) + ")");
            }
            for (FunctionSpec spec : apiSpecs) {
                if (spec.name().equals(migrationSpec.name())) continue;
                functions.put(spec.name(), LocalFunction.deploy(spec, apiEnv, work, 4, functionLog));
            }
            api.start();
            return new LocalStack(functions, api, dataApi, key, secret, summary);
        } catch (Exception e) {
            api.close();
            if (dataApi != null) dataApi.close();
            functions.values().forEach(LocalFunction::close);
            throw e;
        }
    }

    /** The Data API driver's URL for the proxy of this run, with its API key. */
    static String dataApiUrl(DataApiServer dataApi, DatabaseTarget db, String key) {
        return "jdbc:slipway-data-api://127.0.0.1:" + dataApi.port() + "/" + JdbcUrls.database(db.url()) + "?engine="
                + db.engine().id() + "&apiKey=" + key;
    }

    private static String runMigrationFunction(
            FunctionSpec spec, Map<String, String> env, Path work, PrintStream log, Consumer<String> progress)
            throws Exception {
        try (LocalFunction migrations =
                LocalFunction.deploy(spec.name(), spec.artifact(), spec.handler(), env, work, 1, log)) {
            progress.accept("Running the migration function with a CloudFormation Create event");
            return runMigrations(migrations);
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

    /** The data proxy's URL. */
    public java.net.URI dataApiEndpoint() {
        return dataApi.endpoint();
    }

    /** The API key the data proxy accepts in this run (the API functions have it as SLIPWAY_DATA_API_KEY). */
    public String dataApiKey() {
        return dataApiKey;
    }

    /** The secret of {@link #LOCAL_ACCESS_KEY_ID} in this run, for the AWS CLI or an SDK that signs. */
    public String dataApiSecret() {
        return dataApiSecret;
    }

    public String migrationSummary() {
        return migrationSummary;
    }

    @Override
    public void close() {
        api.close();
        functions.values().forEach(LocalFunction::close);
        dataApi.close();
    }
}
