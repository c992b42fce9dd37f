package dev.slipway.examples.blog.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cdk.SlipwayMigrations;
import dev.slipway.core.Engine;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized blog stack: resources, their order, the migration hash, and cdk-nag. No AWS account needed. */
class BlogStackTest {

    private static final Path PROJECT = BlogStack.projectDir();

    private record Synth(BlogStack stack, Template template) {}

    private static Synth synth(Engine engine, Path project) {
        return synth(new BlogStack.Settings(engine, true, project));
    }

    private static Synth synth(BlogStack.Settings settings) {
        App app = new App();
        BlogStack stack = new BlogStack(app, "Blog", StackProps.builder().build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Synth(stack, Template.fromStack(stack));
    }

    @Test
    void postgresStack_hasTheDatabaseFunctionsAndApi_inTheRightOrder_andPassesCdkNag() {
        Synth synth = synth(Engine.POSTGRESQL, PROJECT);
        Template t = synth.template();

        t.hasResourceProperties(
                "AWS::RDS::DBCluster",
                Map.of(
                        "Engine",
                        "aurora-postgresql",
                        "StorageEncrypted",
                        true,
                        "DeletionProtection",
                        true,
                        "ServerlessV2ScalingConfiguration",
                        Map.of("MinCapacity", 0, "MaxCapacity", 2)));
        t.resourceCountIs("AWS::EC2::NatGateway", 0);
        t.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface"));
        assertThat(t.findResources("AWS::EC2::VPCEndpoint").toString())
                .as("service name")
                .contains(".secretsmanager");
        t.resourceCountIs("AWS::EC2::Subnet", 2);
        t.hasResourceProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
        t.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler", "dev.slipway.examples.blog.api.BlogApi::handleRequest",
                        "Runtime", "java21",
                        "Architectures", List.of("arm64"),
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                        "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of(
                                                "SLIPWAY_DB_SECRET_ARN",
                                                Match.anyValue(),
                                                "SLIPWAY_ENGINE",
                                                "postgresql",
                                                "SLIPWAY_DB_NAME",
                                                "app",
                                                "JAVA_TOOL_OPTIONS",
                                                "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))));
        t.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        // no Parameters and Secrets extension layer: it cannot serve a SnapStart function (no AWS_SESSION_TOKEN)
        assertThat(t.findResources("AWS::Lambda::Function").toString()).doesNotContain("Layers");
        // the routes file's eight routes, and $default to the single function so it answers 404/405 itself
        t.resourceCountIs("AWS::ApiGatewayV2::Route", 9);
        t.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "GET /authors/{id}"));
        t.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "$default"));
        // reads open, writes behind the JWT authorizer of the stack's user pool, as the routes file declares
        t.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer",
                Map.of(
                        "AuthorizerType",
                        "JWT",
                        "IdentitySource",
                        List.of("$request.header.Authorization"),
                        "JwtConfiguration",
                        Match.objectLike(Map.of("Audience", Match.anyValue(), "Issuer", Match.anyValue()))));
        for (String write : List.of("POST /authors", "POST /posts", "POST /posts/{id}/publish", "DELETE /posts/{id}")) {
            t.hasResourceProperties(
                    "AWS::ApiGatewayV2::Route",
                    Map.of("RouteKey", write, "AuthorizationType", "JWT", "AuthorizerId", Match.anyValue()));
        }
        for (String read : List.of("GET /authors", "GET /authors/{id}", "GET /posts", "GET /posts/{id}")) {
            t.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", read, "AuthorizationType", "NONE"));
        }
        t.resourceCountIs("AWS::Cognito::UserPool", 1);
        // the operator's view: one dashboard, alarms on what breaks, to an encrypted topic
        t.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        t.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        assertThat(alarmDescriptions(t))
                .anyMatch(d -> d.startsWith("API 5xx rate over 5%"))
                .anyMatch(d -> d.startsWith("function api: 5 or more errors"))
                .anyMatch(d -> d.startsWith("function api was throttled"))
                .anyMatch(d -> d.startsWith("function api: p99 duration"))
                .anyMatch(d -> d.startsWith("the migration function failed"))
                .anyMatch(d -> d.startsWith("database connections over 80"))
                .anyMatch(d -> d.startsWith("database CPU over 80%"))
                .anyMatch(d -> d.startsWith("Aurora capacity over 80%"));
        assertThat(t.findResources("AWS::CloudWatch::Alarm").toString()).contains("AlarmActions");
        t.hasOutput("UserPoolClientId", Match.anyValue());
        t.hasOutput("ApiUrl", Match.anyValue());
        t.hasOutput("DatabaseSecretArn", Match.anyValue());

        // order: custom resource after the cluster, the API function after the custom resource
        String cluster = only(t, "AWS::RDS::DBCluster");
        String migrations = only(t, "Custom::SlipwayMigrations");
        assertThat(dependsOn(t, migrations)).contains(cluster);
        String apiFunction = t.findResources(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of(
                                "Properties",
                                Map.of("Handler", "dev.slipway.examples.blog.api.BlogApi::handleRequest"))))
                .keySet()
                .iterator()
                .next();
        assertThat(dependsOn(t, apiFunction)).contains(migrations);

        // the hash CloudFormation sees is the hash of this engine's migrations and runner, as the zip holds them
        t.hasResourceProperties(
                "Custom::SlipwayMigrations",
                Map.of(
                        "SchemaHash",
                        SlipwayMigrations.schemaHash(
                                PROJECT.resolve("migrations"),
                                PROJECT.resolve("target/blog-migrations.zip"),
                                Engine.POSTGRESQL)));

        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }

    @Test
    void anOidcIssuer_fromContext_authorizesTheWriteRoutes_withoutAUserPool_andPassesCdkNag() {
        Map<String, Object> context =
                Map.of("engine", "mysql", "jwtIssuer", "https://issuer.example.com/", "jwtAudience", "blog-api");
        Synth synth = synth(BlogStack.Settings.from(context::get, PROJECT));
        Template t = synth.template();

        t.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer",
                Map.of(
                        "AuthorizerType",
                        "JWT",
                        "JwtConfiguration",
                        Map.of("Issuer", "https://issuer.example.com/", "Audience", List.of("blog-api"))));
        t.hasResourceProperties(
                "AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /authors", "AuthorizationType", "JWT"));
        t.resourceCountIs("AWS::Cognito::UserPool", 0);
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BlogStack.Settings.from(
                        Map.<String, Object>of("jwtIssuer", "https://issuer.example.com/")::get, PROJECT))
                .hasMessageContaining("needs -c jwtAudience");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Engine.class)
    void anRdsInstance_replacesAurora_withTheSameSecretMigrationsAndFunctions_andPassesCdkNag(Engine engine) {
        Synth synth = synth(BlogStack.Settings.from(
                Map.<String, Object>of("engine", engine.id(), "database", "instance")::get, PROJECT));
        Template t = synth.template();

        t.resourceCountIs("AWS::RDS::DBCluster", 0);
        assertThat(alarmDescriptions(t))
                .anyMatch(d -> d.startsWith("database connections over"))
                .noneMatch(d -> d.startsWith("Aurora capacity"));
        assertThat(t.findResources("AWS::CloudWatch::Alarm").toString()).contains("DBInstanceIdentifier");
        t.hasResourceProperties(
                "AWS::RDS::DBInstance",
                Match.objectLike(Map.of(
                        "Engine",
                        engine == Engine.POSTGRESQL ? "postgres" : "mysql",
                        "DBInstanceClass",
                        "db.t4g.micro",
                        "StorageEncrypted",
                        true,
                        "MultiAZ",
                        false,
                        "DeletionProtection",
                        true,
                        "EnableIAMDatabaseAuthentication",
                        true,
                        "BackupRetentionPeriod",
                        7)));
        t.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Match.anyValue());
        String instance = only(t, "AWS::RDS::DBInstance");
        String migrations = only(t, "Custom::SlipwayMigrations");
        assertThat(dependsOn(t, migrations)).contains(instance);
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> synth(BlogStack.Settings.from(
                        Map.<String, Object>of("database", "instance", "viaDataApi", "true")::get, PROJECT)))
                .hasMessageContaining("The RDS Data API is Aurora's");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BlogStack.Settings.from(Map.<String, Object>of("database", "rds")::get, PROJECT))
                .hasMessageContaining("use aurora");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> enginesAndDatabases() {
        return Stream.of(Engine.values())
                .flatMap(e ->
                        Stream.of("aurora", "instance").map(d -> org.junit.jupiter.params.provider.Arguments.of(e, d)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} on {1}")
    @org.junit.jupiter.params.provider.MethodSource("enginesAndDatabases")
    void dataApiService_runsTheProxyOnFargateBehindHttps_afterTheMigrations_andTheFunctionGoesThroughIt(
            Engine engine, String database, @TempDir Path dir) throws IOException {
        Path image = Files.write(dir.resolve("slipway-data-api-image.tar"), new byte[] {0}); // synth only stages it
        String certificate = "arn:aws:acm:us-east-1:111122223333:certificate/0b7a6f1e-1111-2222-3333-444455556666";
        Map<String, Object> context = Map.of(
                "engine",
                engine.id(),
                "database",
                database,
                "dataApi",
                "service",
                "dataApiCertificateArn",
                certificate,
                "dataApiDomain",
                "data.blog.example.com",
                "dataApiImage",
                image.toString(),
                "dataApiHostedZoneId",
                "Z0123456789ABCDEFGHIJ",
                "dataApiHostedZoneName",
                "blog.example.com");
        Synth synth = synth(BlogStack.Settings.from(context::get, PROJECT));
        Template t = synth.template();

        t.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                Match.objectLike(Map.of("Scheme", "internal", "Type", "application")));
        t.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Match.objectLike(Map.of(
                        "Protocol",
                        "HTTPS",
                        "Port",
                        443,
                        "Certificates",
                        List.of(Map.of("CertificateArn", certificate)))));
        t.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                Match.objectLike(
                        Map.of("Protocol", "HTTPS", "HealthCheckPath", "/health", "HealthCheckProtocol", "HTTPS")));
        t.hasResourceProperties(
                "AWS::Route53::RecordSet", Match.objectLike(Map.of("Name", "data.blog.example.com.", "Type", "A")));
        // scaling on CPU and on requests per task
        String policies =
                t.findResources("AWS::ApplicationAutoScaling::ScalingPolicy").toString();
        assertThat(policies).contains("ECSServiceAverageCPUUtilization").contains("ALBRequestCountPerTarget");
        t.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget",
                Match.objectLike(Map.of("MinCapacity", 2, "MaxCapacity", 4)));

        // secrets reach the task as ECS secrets, never as plain environment values
        String definition = t.findResources("AWS::ECS::TaskDefinition").toString();
        assertThat(definition)
                .contains("SLIPWAY_DATA_API_TARGET_MAIN_SECRET_ARN")
                .doesNotContain("SLIPWAY_DATA_API_TARGET_MAIN_SECRET_JSON")
                .contains("SLIPWAY_DATA_API_API_KEYS")
                .contains("ValueFrom")
                .contains("SLIPWAY_DATA_API_TARGET_MAIN_RESOURCE_ARN")
                .contains("SLIPWAY_DATA_API_MAX_CONNECTIONS")
                .doesNotContain("SLIPWAY_PASSWORD")
                .doesNotContain("SLIPWAY_DATA_API_TARGET_MAIN_PASSWORD");

        // the task's role reads the database secret itself (again after a rotation)
        assertThat(t.findResources("AWS::IAM::Policy").entrySet().stream()
                        .filter(e -> e.getKey().startsWith("DataApiDefinitionTaskRole"))
                        .map(e -> e.getValue().toString()))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("secretsmanager:GetSecretValue")
                .contains(synth.stack().getLogicalId((software.amazon.awscdk.CfnElement)
                        synth.stack().database().secret().getNode().getDefaultChild()));
        // the proxy starts after the migrations; the API function after the migrations too, and through the proxy
        String service = only(t, "AWS::ECS::Service");
        String migrations = only(t, "Custom::SlipwayMigrations");
        assertThat(dependsOn(t, service)).contains(migrations);
        Map<String, Map<String, Object>> functions = t.findResources(
                "AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", "dev.slipway.examples.blog.api.BlogApi::handleRequest")));
        String api = functions.values().iterator().next().toString();
        assertThat(api)
                .contains("VpcConfig")
                .contains("jdbc:slipway-data-api://data.blog.example.com:443/app?tls=true&engine=" + engine.id())
                .contains("SLIPWAY_DATA_API_KEY_SECRET_ARN")
                .doesNotContain("SLIPWAY_DB_SECRET_ARN");
        assertThat(alarmDescriptions(t))
                .anyMatch(d -> d.startsWith("data proxy: 10 or more 5xx"))
                .anyMatch(d -> d.startsWith("data proxy: a task failed its /health check"));
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }

    @Test
    void dataApiService_withoutCertificateOrDomain_isRefusedWithTheSettingsToGive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BlogStack.Settings.from(Map.<String, Object>of("dataApi", "service")::get, PROJECT))
                .hasMessageContaining("-c dataApiCertificateArn")
                .hasMessageContaining("-c dataApiDomain");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> synth(BlogStack.Settings.from(
                        Map.<String, Object>of(
                                "dataApi",
                                "service",
                                "dataApiCertificateArn",
                                "arn:aws:acm:us-east-1:111122223333:certificate/x",
                                "dataApiDomain",
                                "d.example.com",
                                "dataApiImage",
                                "/nonexistent/image.tar")::get,
                        PROJECT)))
                .hasMessageContaining("No data proxy image at")
                .hasMessageContaining("-Pcontainer-image");
    }

    @Test
    void mysqlStack_switchesEngineAndArtifact_byOneSetting_andPassesCdkNag() {
        Synth synth = synth(Engine.MYSQL, PROJECT);

        synth.template().hasResourceProperties("AWS::RDS::DBCluster", Map.of("Engine", "aurora-mysql"));
        synth.template().hasResourceProperties("Custom::SlipwayMigrations", Map.of("Engine", "mysql"));
        // the exported logs are written: Aurora MySQL needs its cluster parameters for the slow-query and audit logs
        synth.template()
                .hasResourceProperties(
                        "AWS::RDS::DBCluster",
                        Map.of("EnableCloudwatchLogsExports", List.of("error", "slowquery", "audit")));
        synth.template()
                .hasResourceProperties(
                        "AWS::RDS::DBClusterParameterGroup",
                        Map.of(
                                "Parameters",
                                Match.objectLike(Map.of(
                                        "slow_query_log", "1", "log_output", "FILE", "server_audit_logging", "1"))));
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Engine.class)
    void viaDataApi_putsTheFunctionOutsideTheVpc_withRdsDataOnTheCluster_andPassesCdkNag(Engine engine) {
        Synth synth = synth(new BlogStack.Settings(engine, true, PROJECT, true));
        Template t = synth.template();
        t.hasResourceProperties("AWS::RDS::DBCluster", Map.of("EnableHttpEndpoint", true));
        Map<String, Map<String, Object>> functions = t.findResources(
                "AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", "dev.slipway.examples.blog.api.BlogApi::handleRequest")));
        assertThat(functions).hasSize(1);
        String api = functions.values().iterator().next().toString();
        assertThat(api)
                .doesNotContain("VpcConfig")
                .contains("jdbc:slipway-data-api:aws:")
                .contains("engine=" + engine.id())
                .doesNotContain("SLIPWAY_DB_SECRET_ARN");
        assertThat(t.findResources("AWS::IAM::Policy").toString())
                .contains("rds-data:ExecuteStatement")
                .contains("secretsmanager:GetSecretValue");
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Engine.class)
    @org.junit.jupiter.api.condition.EnabledForJreRange(min = org.junit.jupiter.api.condition.JRE.JAVA_25)
    void customRuntime_runsTheApiOnProvidedAl2023WithItsTrainedLayer_withoutSnapStart_andPassesCdkNag(Engine engine) {
        // the build makes the layer on JDK 25 (profile custom-runtime); on this machine's architecture
        Synth synth = synth(new BlogStack.Settings(engine, true, PROJECT, false, false, true));
        Template t = synth.template();
        Map<String, Map<String, Object>> functions = t.findResources(
                "AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", "dev.slipway.examples.blog.api.BlogApi::handleRequest")));
        assertThat(functions).hasSize(1);
        Map<String, Object> api = functions.values().iterator().next();
        String properties = api.get("Properties").toString();
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "x86_64";
        assertThat(properties)
                .contains("Runtime=provided.al2023")
                .contains("Architectures=[" + arch + "]")
                .contains("SLIPWAY_PRIMING=off", "SLIPWAY_CONNECT_AT_INIT=on", "SLIPWAY_ENGINE=" + engine.id())
                .contains("Layers=")
                .doesNotContain("SnapStart")
                .doesNotContain("JAVA_TOOL_OPTIONS");
        t.resourceCountIs("AWS::Lambda::LayerVersion", 1);
        t.hasResourceProperties(
                "AWS::Lambda::LayerVersion",
                Map.of("CompatibleRuntimes", List.of("provided.al2023"), "CompatibleArchitectures", List.of(arch)));
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledForJreRange(min = org.junit.jupiter.api.condition.JRE.JAVA_25)
    void customRuntime_refusesALayerTrainedOnAnotherBuildOfTheFunction(@TempDir Path copy) throws IOException {
        copyProject(PROJECT, copy);
        // the PostgreSQL function's zip with the MySQL function's layer: another zip than it was trained on
        Files.copy(
                PROJECT.resolve("target/blog-api-mysql-runtime.zip"),
                copy.resolve("target/blog-api-postgresql-runtime.zip"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> synth(new BlogStack.Settings(Engine.POSTGRESQL, true, copy, false, false, true)))
                .hasMessageContaining("was trained on another build of the function than blog-api-postgresql-jars.zip")
                .hasMessageContaining("./mvnw package");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Engine.class)
    void migrationsAsTask_startAFargateTaskThatIsCompletePolls_withinTwoHours_andPassCdkNag(
            Engine engine, @TempDir Path copy) throws IOException {
        copyProject(PROJECT, copy);
        Files.write(copy.resolve("target/blog-migrations-image.tar"), new byte[] {0}); // synth only stages it
        Synth synth = synth(new BlogStack.Settings(engine, true, copy, false, true));
        Template t = synth.template();

        t.resourceCountIs("AWS::ECS::Cluster", 1);
        t.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Map.of(
                        "RequiresCompatibilities", List.of("FARGATE"),
                        "NetworkMode", "awsvpc",
                        "ContainerDefinitions",
                                List.of(Match.objectLike(Map.of(
                                        "Name",
                                        "migrations",
                                        "Essential",
                                        true,
                                        "LogConfiguration",
                                        Match.objectLike(Map.of("LogDriver", "awslogs")))))));
        Map<String, Map<String, Object>> handlers = t.findResources(
                "AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", Match.stringLikeRegexp("MigrationTaskFunction::.*"))));
        assertThat(handlers).hasSize(2);
        assertThat(handlers.values().toString())
                .contains("MigrationTaskFunction::onEvent", "MigrationTaskFunction::isComplete")
                .contains("SLIPWAY_TASK_CLUSTER", "SLIPWAY_TASK_DEFINITION", "SLIPWAY_TASK_SUBNETS")
                .contains("SLIPWAY_TASK_SECURITY_GROUPS", "SLIPWAY_TASK_LOG_GROUP")
                .doesNotContain("VpcConfig");
        String policies = t.findResources("AWS::IAM::Policy").toString();
        assertThat(policies).contains("ecs:RunTask", "ecs:DescribeTasks", "iam:PassRole");
        // the Provider's waiter: isComplete every 30 s, for at most 2 hours (its state machine's retries)
        t.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
        assertThat(t.findResources("AWS::StepFunctions::StateMachine").toString())
                .contains("IntervalSeconds\":30")
                .contains("MaxAttempts\":240");
        // the task reaches ECR, S3 and CloudWatch Logs from the isolated subnets
        String endpoints = t.findResources("AWS::EC2::VPCEndpoint").toString();
        assertThat(endpoints).contains(".ecr.api", ".ecr.dkr", ".logs", ".s3");
        // the task's security group is admitted by the database
        assertThat(t.findResources("AWS::EC2::SecurityGroupIngress").toString()).contains("TaskSecurityGroup");
        assertThat(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
        assertThat(Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }

    @Test
    void schemaHash_changesWhenTheDeployedMigrationsChange_andNotOtherwise(@TempDir Path copy) throws IOException {
        copyProject(PROJECT, copy);
        String original = hash(synth(Engine.POSTGRESQL, copy));

        Files.writeString(copy.resolve("routes"), "\n# a comment\n", StandardOpenOption.APPEND);
        assertThat(hash(synth(Engine.POSTGRESQL, copy)))
                .as("routes are not migrations")
                .isEqualTo(original);

        Path migration = copy.resolve("migrations/postgresql/V1__init.sql");
        Files.writeString(migration, "\n-- edited\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> synth(Engine.POSTGRESQL, copy))
                .as("a zip built before the edit would deploy the old migration")
                .hasMessageContaining("holds other postgresql migrations than")
                .hasMessageContaining("./mvnw package");

        rebuildMigrationZip(copy); // what ./mvnw package does
        assertThat(hash(synth(Engine.POSTGRESQL, copy))).isNotEqualTo(original);
    }

    /** The migration zip again, with the project's migrations as they are now (the rest as built). */
    @SuppressWarnings("unchecked")
    private static List<String> alarmDescriptions(Template t) {
        return t.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(r -> (String)
                        ((Map<String, Object>) ((Map<String, Object>) r).get("Properties")).get("AlarmDescription"))
                .toList();
    }

    private static void rebuildMigrationZip(Path project) throws IOException {
        Path zip = project.resolve("target/blog-migrations.zip");
        Path built = zip.toRealPath();
        Files.delete(zip);
        try (var in = new java.util.zip.ZipFile(built.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                if (entry.getName().startsWith("migrations/")) continue;
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                try (var data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            try (Stream<Path> files = Files.walk(project.resolve("migrations"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new java.util.zip.ZipEntry("migrations/"
                            + project.resolve("migrations")
                                    .relativize(file)
                                    .toString()
                                    .replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
    }

    private static String hash(Synth synth) {
        return synth.stack().migrations().schemaHash();
    }

    private static String only(Template t, String type) {
        Map<String, Map<String, Object>> found = t.findResources(type);
        assertThat(found).hasSize(1);
        return found.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependsOn(Template t, String logicalId) {
        Object resource = ((Map<String, Object>) t.toJSON().get("Resources")).get(logicalId);
        Object depends = ((Map<String, Object>) resource).get("DependsOn");
        return depends == null ? List.of() : (List<String>) depends;
    }

    private static void copyProject(Path from, Path to) throws IOException {
        for (String name : List.of("schema.sql", "routes")) Files.copy(from.resolve(name), to.resolve(name));
        try (Stream<Path> files = Files.walk(from.resolve("migrations"))) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Files.createDirectories(to.resolve("target"));
        try (Stream<Path> zips = Files.list(from.resolve("target"))) {
            for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).toList()) {
                Files.createSymbolicLink(to.resolve("target").resolve(zip.getFileName()), zip);
            }
        }
    }
}
