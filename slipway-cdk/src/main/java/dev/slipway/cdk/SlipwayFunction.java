package dev.slipway.cdk;

import dev.slipway.cdk.internal.Nag;
import dev.slipway.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/**
 * A Java function next to the database (or, {@link Props#withDataApi}, outside the VPC through Aurora's Data API;
 * or, {@link Props#withDataApiService}, in the VPC through the self-hosted data proxy only): arm64, SnapStart on published versions behind the alias {@code live},
 * tiered compilation stopped at C1 (faster starts), JSON logs, the secret's ARN in {@code SLIPWAY_DB_SECRET_ARN}
 * with read permission (the function reads it from Secrets Manager once per container and after each SnapStart
 * restore), {@code SLIPWAY_ENGINE} and {@code SLIPWAY_DB_NAME}, and database ingress from its own security group.
 *
 * <p>{@link Props#withCustomRuntime} runs it on Lambda's custom runtime ({@code provided.al2023}) instead, with the
 * layer {@code slipway runtime-layer} built for it: its own jlinked JDK 25 and an AOT cache trained on this very
 * zip, on the architecture it was built on; no SnapStart there (Lambda offers it for managed runtimes only), so the
 * function neither primes its routes nor waits for its first request to connect.
 */
public final class SlipwayFunction extends Construct {

    /**
     * @param handler {@code com.example.Handler::handleRequest}
     * @param artifact the Lambda zip (classes at the root, {@code lib/})
     * @param runtime {@link Runtime#JAVA_21} or {@link Runtime#JAVA_25}
     * @param memoryMb memory, which also buys CPU
     * @param timeout how long one invocation may take
     * @param environment extra environment variables
     * @param viaDataApi connect through the cluster's RDS Data API with the Slipway JDBC driver instead of a
     *     native driver in the VPC: the function runs outside the VPC, gets {@code rds-data} permissions on the
     *     cluster and read access to its secret, and {@code SLIPWAY_URL} names the cluster, secret and database
     *     ({@code jdbc:slipway-data-api:aws:REGION/DB?...}); its artifact must carry the driver (the blog's
     *     {@code blog-api-data-api.zip}), and the database needs {@code SlipwayDatabase.Props.withDataApi(true)}
     * @param runtimeLayer the custom runtime's layer zip ({@code NAME-runtime.zip} of {@code slipway runtime-layer}),
     *     or null for Lambda's managed Java runtime; with it, {@code artifact} is the {@code NAME-jars.zip} it was
     *     trained on
     * @param dataApiService reach the database only through this data proxy service, with the Slipway JDBC driver
     *     (see {@link #withDataApiService}), or null
     */
    public record Props(
            String handler,
            Path artifact,
            Runtime runtime,
            int memoryMb,
            Duration timeout,
            Map<String, String> environment,
            boolean viaDataApi,
            Path runtimeLayer,
            SlipwayDataApiService dataApiService) {

        /** Java 21, 1024 MB, 30 s, in the VPC with a native driver. */
        public static Props of(String handler, Path artifact) {
            return new Props(
                    handler, artifact, Runtime.JAVA_21, 1024, Duration.seconds(30), Map.of(), false, null, null);
        }

        public Props withTimeout(Duration value) {
            return new Props(
                    handler, artifact, runtime, memoryMb, value, environment, viaDataApi, runtimeLayer, dataApiService);
        }

        public Props withRuntime(Runtime value) {
            return new Props(
                    handler, artifact, value, memoryMb, timeout, environment, viaDataApi, runtimeLayer, dataApiService);
        }

        public Props withEnvironment(Map<String, String> value) {
            return new Props(
                    handler,
                    artifact,
                    runtime,
                    memoryMb,
                    timeout,
                    Map.copyOf(value),
                    viaDataApi,
                    runtimeLayer,
                    dataApiService);
        }

        /** Through Aurora's Data API, outside the VPC (see {@link Props}). */
        public Props withDataApi(boolean on) {
            return new Props(
                    handler, artifact, runtime, memoryMb, timeout, environment, on, runtimeLayer, dataApiService);
        }

        /**
         * On Lambda's custom runtime ({@code provided.al2023}) with {@code layerZip}, which {@code slipway
         * runtime-layer} built for {@code jarsZip} (the function zip as jars, written next to it): synth refuses a
         * layer trained on another zip.
         */
        /**
         * In the VPC, reaching the database only through {@code service} (the load balancer's HTTPS, nothing else):
         * {@code SLIPWAY_URL} is {@link SlipwayDataApiService#jdbcUrl()} and {@code SLIPWAY_DATA_API_KEY_SECRET_ARN}
         * the key's secret, which the function may read. Its artifact must carry the Slipway JDBC driver (the
         * blog's {@code blog-api-data-api.zip}). Works on Aurora and on an RDS instance alike.
         */
        public Props withDataApiService(SlipwayDataApiService service) {
            return new Props(
                    handler, artifact, runtime, memoryMb, timeout, environment, viaDataApi, runtimeLayer, service);
        }

        public Props withCustomRuntime(Path jarsZip, Path layerZip) {
            return new Props(
                    handler, jarsZip, runtime, memoryMb, timeout, environment, viaDataApi, layerZip, dataApiService);
        }
    }

    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias alias;

    public SlipwayFunction(Construct scope, String id, SlipwayNetwork network, SlipwayDatabase database, Props props) {
        super(scope, id);
        if (!Files.isRegularFile(props.artifact())) {
            throw new IllegalArgumentException("No Lambda artifact at "
                    + props.artifact().toAbsolutePath() + ". Build it first (./mvnw package), then synth.");
        }
        Map<String, String> env = new HashMap<>(props.environment());
        env.put(Setting.ENGINE.env(), database.engine().id()); // priming at init needs no secret (SnapStart)
        Function.Builder builder = Function.Builder.create(this, "Function")
                .handler(props.handler())
                .code(Code.fromAsset(props.artifact().toString()))
                .memorySize(props.memoryMb())
                .timeout(props.timeout())
                .loggingFormat(LoggingFormat.JSON);
        CustomRuntimeLayer custom =
                props.runtimeLayer() == null ? null : CustomRuntimeLayer.of(props.runtimeLayer(), props.artifact());
        if (custom == null) {
            env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
            builder.runtime(props.runtime())
                    .architecture(Architecture.ARM_64)
                    .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        } else {
            // the layer's bootstrap sets the JVM's options (its AOT cache loads only with those); without a
            // snapshot, priming at init would only move work before the first request, and the connect can
            // overlap the rest of init
            env.put(Setting.PRIMING.env(), "off");
            env.put(Setting.CONNECT_AT_INIT.env(), "on");
            builder.runtime(Runtime.PROVIDED_AL2023)
                    .architecture(custom.architecture())
                    .layers(List.of(custom.layer(this, "Runtime")));
        }
        SecurityGroup group = null;
        if (props.viaDataApi() && props.dataApiService() != null) {
            throw new IllegalArgumentException("Function " + id + ": withDataApi (Aurora's Data API) and"
                    + " withDataApiService (the self-hosted proxy) exclude each other; choose one.");
        }
        if (props.dataApiService() != null) {
            group = SecurityGroup.Builder.create(this, "SecurityGroup")
                    .vpc(network.vpc())
                    .description("Slipway function " + id + " (through the data proxy)")
                    .allowAllOutbound(true)
                    .build();
            env.put(Setting.URL.env(), props.dataApiService().jdbcUrl());
            env.put(
                    Setting.DATA_API_KEY_SECRET_ARN.env(),
                    props.dataApiService().apiKey().getSecretArn());
            builder.vpc(network.vpc()).vpcSubnets(network.subnets()).securityGroups(List.of(group));
        } else if (props.viaDataApi()) {
            if (!database.dataApiEnabled()) {
                throw new IllegalArgumentException("Function " + id + " connects through the Data API, but the"
                        + " database's Data API is off: create it with SlipwayDatabase.Props...withDataApi(true).");
            }
            // the Data API is a public AWS endpoint: no VPC, no security group, no secret read by the function
            env.put(Setting.URL.env(), dataApiUrl(database));
        } else {
            group = SecurityGroup.Builder.create(this, "SecurityGroup")
                    .vpc(network.vpc())
                    .description("Slipway function " + id)
                    .allowAllOutbound(true)
                    .build();
            env.put(Setting.DB_SECRET_ARN.env(), database.secret().getSecretArn());
            // the generated secret has a dbname, a secret a user brings may not: name the database explicitly
            env.put(Setting.DB_NAME.env(), database.databaseName());
            database.proxyEndpoint().ifPresent(endpoint -> env.put(Setting.DB_HOST.env(), endpoint));
            // No Parameters and Secrets extension: it authenticates callers by AWS_SESSION_TOKEN, which a SnapStart
            // function does not have (its keys come from the container credentials endpoint,
            // https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials), so it
            // could not answer; the function reads the secret from Secrets Manager itself, once per container and
            // after each restore (SecretSource.forFunction), and needs no layer ARN per region and architecture.
            builder.vpc(network.vpc()).vpcSubnets(network.subnets()).securityGroups(List.of(group));
        }
        this.function = builder.environment(env).build();
        this.alias = Alias.Builder.create(this, "Live")
                .aliasName("live")
                .version(function.getCurrentVersion())
                .build();
        if (props.dataApiService() != null) {
            props.dataApiService().apiKey().grantRead(function); // the key, not the database's secret
            props.dataApiService().allowFrom(group);
        } else if (props.viaDataApi()) {
            database.cluster().grantDataApiAccess(function); // rds-data on the cluster, and reading its secret
        } else {
            database.secret().grantRead(function);
            database.allowFrom(group);
        }
        Nag.lambdaManagedPolicies(function);
        if (custom == null && !props.runtime().getName().equals(Runtime.JAVA_25.getName())) {
            Nag.suppress(
                    function,
                    "AwsSolutions-L1",
                    props.runtime().getName() + " is the LTS Slipway's code targets"
                            + " (supported by Lambda); Props.withRuntime(Runtime.JAVA_25) selects the newest.");
        }
        // the alias publishes a version on every code change, which is what SnapStart needs
        if (custom == null)
            Annotations.of(function)
                    .acknowledgeWarning(
                            "@aws-cdk/aws-lambda:snapStartRequirePublish",
                            "The alias 'live' points at function.currentVersion, a published version.");
    }

    /** The Slipway driver's URL for Aurora's Data API: region, database, engine, cluster and secret ARNs. */
    private static String dataApiUrl(SlipwayDatabase database) {
        return "jdbc:slipway-data-api:aws:"
                + software.amazon.awscdk.Stack.of(database).getRegion() + "/"
                + database.databaseName() + "?engine=" + database.engine().id() + "&resourceArn="
                + database.cluster().getClusterArn() + "&secretArn="
                + database.secret().getSecretArn();
    }

    public Function function() {
        return function;
    }

    /** The published version with SnapStart; point integrations here, not at {@code $LATEST}. */
    public Alias alias() {
        return alias;
    }
}
