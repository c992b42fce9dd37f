package dev.slipway.examples.blog.infra;

import dev.slipway.cdk.SlipwayApiAuth;
import dev.slipway.cdk.SlipwayDataApiService;
import dev.slipway.cdk.SlipwayDatabase;
import dev.slipway.cdk.SlipwayFunction;
import dev.slipway.cdk.SlipwayHttpApi;
import dev.slipway.cdk.SlipwayMigrations;
import dev.slipway.cdk.SlipwayMonitoring;
import dev.slipway.cdk.SlipwayNetwork;
import dev.slipway.cdk.SlipwayUserPool;
import dev.slipway.core.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.constructs.Construct;

/** The blog on AWS: the Slipway constructs wired the way the seed articles describe. */
public final class BlogStack extends Stack {

    /**
     * @param engine postgresql or mysql ({@code -c engine=...})
     * @param deletionProtection keep the database from being deleted with the stack ({@code -c deletionProtection=false})
     * @param project the blog project directory (schema.sql, migrations/, routes, target/*.zip)
     * @param viaDataApi the API function reaches the database through Aurora's Data API, outside the VPC, with
     *     {@code blog-api-data-api.zip} ({@code -c viaDataApi=true})
     * @param migrationsAsTask the migrations run as an ECS Fargate task from {@code
     *     target/blog-migrations-image.tar} ({@code -c migrationsAsTask=true}), for migrations longer than Lambda's
     *     15 minutes
     * @param customRuntime the API function runs on Lambda's custom runtime ({@code provided.al2023}) with the layer
     *     the build trained for it ({@code target/blog-api-ENGINE-runtime.zip}, {@code -c customRuntime=true}):
     *     its own JDK 25 and AOT cache, x86_64 when built on x86_64, no SnapStart
     * @param jwtIssuer the OIDC issuer whose tokens the write routes accept ({@code -c jwtIssuer=https://...}, with
     *     {@code -c jwtAudience=...}); null: the stack makes a Cognito user pool and app client for them
     * @param jwtAudience the audience the issuer's tokens must name
     * @param databaseInstance one small RDS instance instead of Aurora Serverless v2 ({@code -c database=instance})
     * @param dataApiService the data proxy as an ECS service, which the API function reaches the database through
     *     ({@code -c dataApi=service}), or null
     */
    public record Settings(
            Engine engine,
            boolean deletionProtection,
            Path project,
            boolean viaDataApi,
            boolean migrationsAsTask,
            boolean customRuntime,
            String jwtIssuer,
            String jwtAudience,
            boolean databaseInstance,
            ProxyService dataApiService) {

        public Settings(Engine engine, boolean deletionProtection, Path project) {
            this(engine, deletionProtection, project, false, false, false);
        }

        public Settings(Engine engine, boolean deletionProtection, Path project, boolean viaDataApi) {
            this(engine, deletionProtection, project, viaDataApi, false, false);
        }

        public Settings(
                Engine engine, boolean deletionProtection, Path project, boolean viaDataApi, boolean migrationsAsTask) {
            this(engine, deletionProtection, project, viaDataApi, migrationsAsTask, false);
        }

        public Settings(
                Engine engine,
                boolean deletionProtection,
                Path project,
                boolean viaDataApi,
                boolean migrationsAsTask,
                boolean customRuntime) {
            this(
                    engine,
                    deletionProtection,
                    project,
                    viaDataApi,
                    migrationsAsTask,
                    customRuntime,
                    null,
                    null,
                    false,
                    null);
        }

        static Settings from(Function<String, Object> context, Path project) {
            Object engine = context.apply("engine");
            Object protection = context.apply("deletionProtection");
            Object viaDataApi = context.apply("viaDataApi");
            Object asTask = context.apply("migrationsAsTask");
            Object customRuntime = context.apply("customRuntime");
            Object issuer = context.apply("jwtIssuer");
            Object audience = context.apply("jwtAudience");
            Object database = context.apply("database");
            if (database != null && !List.of("aurora", "instance").contains(database.toString())) {
                throw new IllegalArgumentException("-c database=" + database + ": use aurora (Aurora Serverless v2,"
                        + " the default) or instance (one small RDS instance).");
            }
            if (issuer != null && audience == null) {
                throw new IllegalArgumentException("-c jwtIssuer=" + issuer + " needs -c jwtAudience=... too: the"
                        + " audience (aud, or a Cognito access token's client_id) its tokens name for this API.");
            }
            Object dataApi = context.apply("dataApi");
            if (dataApi != null && !List.of("aurora", "service").contains(dataApi.toString())) {
                throw new IllegalArgumentException("-c dataApi=" + dataApi + ": use service (the Slipway data proxy on"
                        + " ECS Fargate, with -c dataApiCertificateArn and -c dataApiDomain) or aurora (Aurora's own"
                        + " Data API, as -c viaDataApi=true).");
            }
            boolean aurora = "aurora".equals(String.valueOf(dataApi))
                    || (viaDataApi != null && Boolean.parseBoolean(viaDataApi.toString()));
            return new Settings(
                    Engine.parse(engine == null ? "postgresql" : engine.toString()),
                    protection == null || Boolean.parseBoolean(protection.toString()),
                    project,
                    aurora,
                    asTask != null && Boolean.parseBoolean(asTask.toString()),
                    customRuntime != null && Boolean.parseBoolean(customRuntime.toString()),
                    issuer == null ? null : issuer.toString(),
                    audience == null ? null : audience.toString(),
                    database != null && database.toString().equals("instance"),
                    "service".equals(String.valueOf(dataApi)) ? ProxyService.from(context, project) : null);
        }
    }

    /**
     * Where the data proxy service comes from and what name it answers to.
     *
     * @param certificateArn the ACM certificate for {@code domain} ({@code -c dataApiCertificateArn=...})
     * @param domain the name functions connect to ({@code -c dataApiDomain=data.example.com})
     * @param image the Jib tarball or an ECR image ({@code -c dataApiImage=...}; default: the repository's
     *     {@code slipway-data-api/target/slipway-data-api-image.tar})
     * @param hostedZoneId the Route 53 zone of {@code domain}, to add the alias record ({@code -c
     *     dataApiHostedZoneId=...} with {@code -c dataApiHostedZoneName=...}), or null
     * @param hostedZoneName that zone's name
     */
    public record ProxyService(
            String certificateArn, String domain, String image, String hostedZoneId, String hostedZoneName) {

        static ProxyService from(Function<String, Object> context, Path project) {
            Object certificate = context.apply("dataApiCertificateArn");
            Object domain = context.apply("dataApiDomain");
            if (certificate == null || domain == null) {
                throw new IllegalArgumentException("-c dataApi=service needs -c dataApiCertificateArn=arn:aws:acm:..."
                        + " and -c dataApiDomain=NAME: the load balancer serves HTTPS with that ACM certificate, for"
                        + " that name (docs/deploy.md, \"The data proxy as a service\").");
            }
            Object image = context.apply("dataApiImage");
            Object zoneId = context.apply("dataApiHostedZoneId");
            Object zoneName = context.apply("dataApiHostedZoneName");
            if ((zoneId == null) != (zoneName == null)) {
                throw new IllegalArgumentException("-c dataApiHostedZoneId and -c dataApiHostedZoneName go together"
                        + " (the zone's id and its name), or neither.");
            }
            return new ProxyService(
                    certificate.toString(),
                    domain.toString(),
                    image != null
                            ? image.toString()
                            : project.resolve("../../slipway-data-api/target/slipway-data-api-image.tar")
                                    .normalize()
                                    .toString(),
                    zoneId == null ? null : zoneId.toString(),
                    zoneName == null ? null : zoneName.toString());
        }
    }

    private final SlipwayMigrations migrations;
    private final SlipwayFunction api;
    private final SlipwayDatabase database;

    public BlogStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        Path project = settings.project();
        SlipwayNetwork network = new SlipwayNetwork(this, "Network");
        SlipwayDatabase.Props databaseProps = SlipwayDatabase.Props.defaults(settings.engine())
                .withDeletionProtection(settings.deletionProtection())
                .withDataApi(settings.viaDataApi());
        if (settings.databaseInstance()) {
            databaseProps = databaseProps.withInstance(SlipwayDatabase.InstanceProps.small());
        }
        this.database = new SlipwayDatabase(this, "Database", network, databaseProps);
        this.migrations = new SlipwayMigrations(
                this,
                "Migrations",
                network,
                database,
                SlipwayMigrations.Props.of(project.resolve("migrations"), project.resolve("target/blog-migrations.zip"))
                        .withTask(
                                settings.migrationsAsTask()
                                        ? SlipwayMigrations.TaskProps.of(taskImage(project))
                                        : null));
        SlipwayDataApiService proxy = settings.dataApiService() == null
                ? null
                : dataApiService(network, migrations, settings.dataApiService());
        String apiZip = "target/blog-api-"
                + (settings.viaDataApi() || proxy != null
                        ? "data-api"
                        : settings.engine().id());
        SlipwayFunction.Props apiProps = SlipwayFunction.Props.of(
                        "dev.slipway.examples.blog.api.BlogApi::handleRequest", project.resolve(apiZip + ".zip"))
                .withDataApi(settings.viaDataApi())
                .withDataApiService(proxy);
        if (settings.customRuntime()) {
            apiProps = apiProps.withCustomRuntime(
                    project.resolve(apiZip + "-jars.zip"), project.resolve(apiZip + "-runtime.zip"));
        }
        this.api = new SlipwayFunction(this, "Api", network, database, apiProps);
        migrations.requiredBy(api);
        SlipwayHttpApi http =
                new SlipwayHttpApi(this, "HttpApi", project.resolve("routes"), Map.of("api", api), auth(settings));

        SlipwayMonitoring monitoring = new SlipwayMonitoring(
                this, "Monitoring", http, Map.of("api", api), migrations, database, SlipwayMonitoring.Props.defaults());
        if (proxy != null) {
            monitoring.watch(proxy);
            CfnOutput.Builder.create(this, "DataApiEndpoint")
                    .value(proxy.endpoint())
                    .description("The data proxy (RDS Data API over HTTPS, in the VPC); its API key is in"
                            + " DataApiKeySecretArn")
                    .build();
            CfnOutput.Builder.create(this, "DataApiLoadBalancer")
                    .value(proxy.loadBalancerDnsName())
                    .description("Point the data proxy's domain here (an alias record) unless the stack does")
                    .build();
            CfnOutput.Builder.create(this, "DataApiKeySecretArn")
                    .value(proxy.apiKey().getSecretArn())
                    .build();
        }
        CfnOutput.Builder.create(this, "AlarmTopicArn")
                .value(monitoring.topic().getTopicArn())
                .description("Subscribe to the alarms: aws sns subscribe --protocol email --notification-endpoint ...")
                .build();

        CfnOutput.Builder.create(this, "ApiUrl")
                .value(http.url())
                .description("Base URL of the blog API")
                .build();
        CfnOutput.Builder.create(this, "ApiFunctionArn")
                .value(api.function().getFunctionArn())
                .build();
        CfnOutput.Builder.create(this, "MigrationFunctionArn")
                .value(migrations.function().function().getFunctionArn())
                .description("Invoke with {\"command\":\"status\"} (or deploy)")
                .build();
        CfnOutput.Builder.create(this, "DatabaseSecretArn")
                .value(database.secret().getSecretArn())
                .build();
    }

    private SlipwayDataApiService dataApiService(
            SlipwayNetwork network, SlipwayMigrations migrations, ProxyService settings) {
        SlipwayDataApiService.Props props = SlipwayDataApiService.Props.of(
                SlipwayDataApiService.image(this, settings.image()),
                Certificate.fromCertificateArn(this, "DataApiCertificate", settings.certificateArn()),
                settings.domain());
        if (settings.hostedZoneId() != null) {
            props = props.withHostedZone(HostedZone.fromHostedZoneAttributes(
                    this,
                    "DataApiZone",
                    HostedZoneAttributes.builder()
                            .hostedZoneId(settings.hostedZoneId())
                            .zoneName(settings.hostedZoneName())
                            .build()));
        }
        return new SlipwayDataApiService(this, "DataApi", network, database, migrations, props);
    }

    /**
     * Who may write: the tokens of {@code -c jwtIssuer}, else of a Cognito user pool this stack makes (users are
     * added by an administrator; docs/deploy.md shows how to get a token), whose ids are outputs.
     */
    private SlipwayApiAuth auth(Settings settings) {
        if (settings.jwtIssuer() != null) {
            return SlipwayApiAuth.jwt(settings.jwtIssuer(), List.of(settings.jwtAudience()));
        }
        return new SlipwayUserPool(this, "Users", settings.deletionProtection()).auth();
    }

    /** The migration task's image, which {@code -Pcontainer-image} builds without Docker. */
    private static ContainerImage taskImage(Path project) {
        Path tar = project.resolve("target/blog-migrations-image.tar");
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException("No migration task image at " + tar + ". Build it first: ./mvnw -pl"
                    + " examples/blog -Pcontainer-image verify -DskipTests (Linux; no Docker needed). Deploying it"
                    + " needs Docker or Finch on the deploying machine, as every CDK image asset does.");
        }
        return ContainerImage.fromTarball(tar.toString());
    }

    /** examples/blog, whether synth runs from examples/blog/infra (cdk.json) or from the repository root. */
    static Path projectDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {here.resolve(".."), here, here.resolve("examples/blog")}) {
            if (Files.isRegularFile(candidate.resolve("schema.sql"))
                    && Files.isRegularFile(candidate.resolve("routes"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("Cannot find the blog project (schema.sql, routes) from " + here);
    }

    public SlipwayMigrations migrations() {
        return migrations;
    }

    public SlipwayFunction api() {
        return api;
    }

    public SlipwayDatabase database() {
        return database;
    }
}
