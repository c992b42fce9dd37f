package dev.slipway.cdk;

import dev.slipway.cdk.internal.Fargate;
import dev.slipway.cdk.internal.Nag;
import dev.slipway.core.Setting;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The task mode of {@link SlipwayMigrations}: an ECS cluster and Fargate task definition running the migration
 * image in the database's subnets (with its own security group, admitted by the database, and read access to the
 * secret), and the Provider whose {@code onEvent} starts the task and whose {@code isComplete} polls it. The two
 * handlers run outside the VPC: they call only the ECS API, never the database.
 */
final class MigrationTaskProvider extends Construct {

    static final String CONTAINER = "migrations";
    static final Duration QUERY_INTERVAL = Duration.seconds(30);

    private final Provider provider;

    MigrationTaskProvider(
            Construct scope,
            String id,
            SlipwayNetwork network,
            SlipwayDatabase database,
            Path artifact,
            SlipwayMigrations.TaskProps task) {
        super(scope, id);
        if (task.totalTimeout().toSeconds().doubleValue() > 7200) {
            throw new IllegalArgumentException(
                    "TaskProps.totalTimeout is " + task.totalTimeout().toHumanString()
                            + "; the CDK Provider framework waits at most 2 hours. Split the migration, or run it by hand.");
        }
        network.addContainerTaskEndpoints();
        Fargate.Parts fargate = Fargate.create(this, network.vpc(), task.cpu(), task.memoryMb(), task.architecture());
        Cluster cluster = fargate.cluster();
        LogGroup logs = fargate.logs();
        FargateTaskDefinition definition = fargate.definition();
        Map<String, String> taskEnv = new HashMap<>();
        taskEnv.put(Setting.DB_SECRET_ARN.env(), database.secret().getSecretArn());
        taskEnv.put(Setting.DB_NAME.env(), database.databaseName());
        taskEnv.put("AWS_REGION", Stack.of(this).getRegion());
        database.proxyEndpoint().ifPresent(endpoint -> taskEnv.put(Setting.DB_HOST.env(), endpoint));
        definition.addContainer(
                CONTAINER,
                ContainerDefinitionOptions.builder()
                        .image(task.image())
                        .essential(true)
                        .environment(taskEnv)
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix(CONTAINER)
                                .build()))
                        .build());
        database.secret().grantRead(definition.getTaskRole());
        SecurityGroup group = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(network.vpc())
                .description("Slipway migration task")
                .allowAllOutbound(true)
                .build();
        database.allowFrom(group);

        Map<String, String> handlerEnv = new HashMap<>();
        handlerEnv.put(Setting.TASK_CLUSTER.env(), cluster.getClusterName());
        handlerEnv.put(Setting.TASK_DEFINITION.env(), definition.getTaskDefinitionArn());
        handlerEnv.put(
                Setting.TASK_SUBNETS.env(),
                Fn.join(",", network.vpc().selectSubnets(network.subnets()).getSubnetIds()));
        handlerEnv.put(Setting.TASK_SECURITY_GROUPS.env(), group.getSecurityGroupId());
        handlerEnv.put(Setting.TASK_CONTAINER.env(), CONTAINER);
        handlerEnv.put(Setting.TASK_LOG_GROUP.env(), logs.getLogGroupName());
        Function onEvent = handler("OnEvent", SlipwayMigrations.TASK_ON_EVENT, artifact, handlerEnv);
        Function isComplete = handler("IsComplete", SlipwayMigrations.TASK_IS_COMPLETE, artifact, handlerEnv);
        definition.grantRun(onEvent); // ecs:RunTask on the definition, iam:PassRole on its two roles
        isComplete.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:DescribeTasks"))
                .resources(List.of(Stack.of(this)
                        .formatArn(ArnComponents.builder()
                                .service("ecs")
                                .resource("task")
                                .resourceName(cluster.getClusterName() + "/*")
                                .build())))
                .build());

        this.provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(onEvent)
                .isCompleteHandler(isComplete)
                .queryInterval(QUERY_INTERVAL)
                .totalTimeout(task.totalTimeout())
                .build();
        suppressFindings(definition, onEvent, isComplete);
    }

    private Function handler(String id, String handler, Path artifact, Map<String, String> env) {
        return Function.Builder.create(this, id)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(Code.fromAsset(artifact.toString()))
                .memorySize(512)
                .timeout(Duration.minutes(1))
                .environment(env)
                .loggingFormat(LoggingFormat.JSON)
                .build();
    }

    private void suppressFindings(FargateTaskDefinition definition, Function onEvent, Function isComplete) {
        Nag.suppress(
                definition,
                "AwsSolutions-ECS2",
                "The container's environment holds the secret's ARN, the database name and the region, no secret"
                        + " value: the task reads the secret from Secrets Manager with its role.");
        Nag.suppress(
                definition,
                "AwsSolutions-IAM5",
                "The execution role's log and ECR statements are CDK's for the awslogs driver and the image asset"
                        + " (ecr:GetAuthorizationToken has no resource).");
        for (Function function : List.of(onEvent, isComplete)) {
            Nag.suppress(
                    function,
                    "AwsSolutions-IAM4",
                    "AWSLambdaBasicExecutionRole is AWS-maintained: CloudWatch Logs writes only.");
            Nag.suppress(
                    function,
                    "AwsSolutions-IAM5",
                    "ecs:DescribeTasks on the cluster's tasks (task IDs are not known before RunTask), and RunTask on"
                            + " the definition's revisions.");
            Nag.suppress(
                    function, "AwsSolutions-L1", "java21 is the LTS Slipway's code targets (supported by Lambda).");
        }
        // the Provider framework's IAM and runtime findings: SlipwayMigrations suppresses them for either mode
        Nag.suppress(
                provider,
                "AwsSolutions-SF1",
                "The Provider framework's waiter state machine is CDK's; its steps log through the handlers.");
        Nag.suppress(
                provider,
                "AwsSolutions-SF2",
                "The Provider framework's waiter state machine is CDK's; X-Ray is not configurable there.");
    }

    Provider provider() {
        return provider;
    }
}
