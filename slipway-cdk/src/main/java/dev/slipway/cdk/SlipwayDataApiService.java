package dev.slipway.cdk;

import dev.slipway.cdk.internal.DataApiServiceParts;
import dev.slipway.cdk.internal.Fargate;
import dev.slipway.core.Setting;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The data proxy ({@code slipway-data-api}'s image) as an ECS Fargate service in the database's VPC, behind an
 * Application Load Balancer that serves HTTPS with your ACM certificate: internal unless {@link
 * Props#withInternetFacing}, and every request needs the API key this construct generates into Secrets Manager (the
 * proxy refuses to listen beyond loopback without keys). The service starts only after the migration custom
 * resource, so clients never see a schema older than their code.
 *
 * <p>What the task gets, and from where: its one target is this stack's database (requests name {@link
 * SlipwayDatabase#arn()} and the database secret's ARN, as with Aurora's Data API). The proxy reads the database
 * login from that secret with the task's role, when it starts and again when the database refuses it, so the
 * secret's 30-day rotation needs no restart. The API key comes from its own secret as an ECS {@code secret}
 * (injected at task start). Neither value is in the template or the task definition. The proxy serves HTTPS on {@value #CONTAINER_PORT} with a self-signed
 * certificate, so traffic is encrypted from the load balancer to the task too (an ALB does not verify a target's
 * certificate: <a
 * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html">HTTPS
 * listeners</a>, "Target groups for your Application Load Balancers").
 *
 * <p>Health checks ask {@code /health}; the task count scales on CPU and on requests per task; logs go to a log
 * group kept a year; load balancer access logs to an encrypted bucket. Prometheus's {@code /metrics} is served
 * through the internal load balancer to whoever {@link #allowFrom} admits (a Prometheus or an ADOT collector in the
 * VPC); an internet-facing one answers it 404. {@link SlipwayMonitoring#watch(SlipwayDataApiService)} alarms on the
 * load balancer's figures (target 5xx, which is where the proxy's 503 for a full pool shows, unhealthy tasks, p99
 * response time): those reach CloudWatch without an agent, where the pool's own gauges would need a collector
 * sidecar per task.
 *
 * <p>Functions reach it with {@link SlipwayFunction.Props#withDataApiService}: in the VPC, through the load balancer
 * only, with the Slipway JDBC driver and the key read from Secrets Manager.
 */
public final class SlipwayDataApiService extends Construct {

    /** The port the proxy serves HTTPS on inside the task. */
    public static final int CONTAINER_PORT = 8443;

    static final String CONTAINER = "data-api";

    /**
     * @param image the proxy's image: {@link #image(Construct, String)} takes the Jib tarball or an ECR image
     * @param certificate the ACM certificate the load balancer serves; it must cover {@code domainName}
     * @param domainName the name clients connect to (the certificate's); with {@code hostedZone} this construct
     *     adds its alias record, else point it at {@link #loadBalancerDnsName()} yourself
     * @param hostedZone the Route 53 zone of {@code domainName}, or null
     * @param internetFacing a public load balancer (needs public subnets in the VPC) instead of an internal one
     * @param cpu the task's CPU units
     * @param memoryMb the task's memory
     * @param architecture the CPU architecture the image was built for
     * @param minTasks tasks at least (2: one per availability zone)
     * @param maxTasks tasks at most; {@code maxTasks * poolSize} must stay under the database's connection limit
     * @param poolSize connections one task keeps to the database at most ({@code SLIPWAY_DATA_API_MAX_CONNECTIONS})
     * @param requestsPerTask the load balancer requests per task per minute the scaling aims at
     */
    public record Props(
            ContainerImage image,
            ICertificate certificate,
            String domainName,
            IHostedZone hostedZone,
            boolean internetFacing,
            int cpu,
            int memoryMb,
            CpuArchitecture architecture,
            int minTasks,
            int maxTasks,
            int poolSize,
            int requestsPerTask) {

        public Props {
            if (image == null || certificate == null || domainName == null || domainName.isBlank()) {
                throw new IllegalArgumentException("SlipwayDataApiService needs an image, an ACM certificate and the"
                        + " domain name it is for: Props.of(image, certificate, \"data.example.com\").");
            }
            if (minTasks < 1 || maxTasks < minTasks) {
                throw new IllegalArgumentException("SlipwayDataApiService tasks: need 1 <= minTasks <= maxTasks, not "
                        + minTasks + ".." + maxTasks + ".");
            }
            if (poolSize < 1) throw new IllegalArgumentException("SlipwayDataApiService poolSize must be at least 1.");
        }

        /**
         * Internal, 0.5 vCPU and 1 GB per task, x86_64 (an image built on an x86_64 machine), 2 to 4 tasks of 10
         * connections each (40 at most: under a small instance's limit of about 100), 1,000 requests per task and
         * minute.
         */
        public static Props of(ContainerImage image, ICertificate certificate, String domainName) {
            return new Props(
                    image, certificate, domainName, null, false, 512, 1024, CpuArchitecture.X86_64, 2, 4, 10, 1000);
        }

        public Props withHostedZone(IHostedZone zone) {
            return new Props(
                    image,
                    certificate,
                    domainName,
                    zone,
                    internetFacing,
                    cpu,
                    memoryMb,
                    architecture,
                    minTasks,
                    maxTasks,
                    poolSize,
                    requestsPerTask);
        }

        /** A public load balancer; the API key is required either way. */
        public Props withInternetFacing(boolean on) {
            return new Props(
                    image,
                    certificate,
                    domainName,
                    hostedZone,
                    on,
                    cpu,
                    memoryMb,
                    architecture,
                    minTasks,
                    maxTasks,
                    poolSize,
                    requestsPerTask);
        }

        public Props withSize(int cpuUnits, int memory, CpuArchitecture arch) {
            return new Props(
                    image,
                    certificate,
                    domainName,
                    hostedZone,
                    internetFacing,
                    cpuUnits,
                    memory,
                    arch,
                    minTasks,
                    maxTasks,
                    poolSize,
                    requestsPerTask);
        }

        public Props withScaling(int min, int max, int connectionsPerTask, int requestsPerTaskPerMinute) {
            return new Props(
                    image,
                    certificate,
                    domainName,
                    hostedZone,
                    internetFacing,
                    cpu,
                    memoryMb,
                    architecture,
                    min,
                    max,
                    connectionsPerTask,
                    requestsPerTaskPerMinute);
        }
    }

    private final SlipwayDatabase database;
    private final Props props;
    private final Secret apiKey;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targets;
    private final FargateService service;

    public SlipwayDataApiService(
            Construct scope,
            String id,
            SlipwayNetwork network,
            SlipwayDatabase database,
            SlipwayMigrations migrations,
            Props props) {
        super(scope, id);
        this.database = database;
        this.props = props;
        SubnetSelection loadBalancerSubnets = props.internetFacing()
                ? SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build()
                : network.subnets();
        if (props.internetFacing() && network.vpc().getPublicSubnets().isEmpty()) {
            throw new IllegalArgumentException("SlipwayDataApiService is internet-facing, but the VPC has no public"
                    + " subnets (SlipwayNetwork's own VPC is isolated): keep it internal, or give SlipwayNetwork a VPC"
                    + " with public subnets.");
        }
        network.addContainerTaskEndpoints();
        this.apiKey = Secret.Builder.create(this, "ApiKey")
                .description("API key of the Slipway data proxy " + id + " ({\"apiKey\":...})")
                .generateSecretString(software.amazon.awscdk.services.secretsmanager.SecretStringGenerator.builder()
                        .secretStringTemplate("{}")
                        .generateStringKey("apiKey")
                        .excludePunctuation(true)
                        .passwordLength(40)
                        .build())
                .build();

        Fargate.Parts fargate =
                Fargate.create(this, network.vpc(), props.cpu(), props.memoryMb(), props.architecture());
        Cluster cluster = fargate.cluster();
        LogGroup logs = fargate.logs();
        FargateTaskDefinition definition = fargate.definition();
        definition.addContainer(
                CONTAINER,
                ContainerDefinitionOptions.builder()
                        .image(props.image())
                        .essential(true)
                        .environment(DataApiServiceParts.taskEnvironment(
                                CONTAINER_PORT,
                                props.poolSize(),
                                database.arn(),
                                database.secret().getSecretArn(),
                                database.databaseName(),
                                Stack.of(this).getRegion()))
                        .secrets(Map.of(
                                Setting.DATA_API_API_KEYS.env(),
                                software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(apiKey, "apiKey")))
                        .portMappings(List.of(PortMapping.builder()
                                .containerPort(CONTAINER_PORT)
                                .build()))
                        .stopTimeout(Duration.seconds(30))
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix(CONTAINER)
                                .build()))
                        .build());

        SecurityGroup taskGroup = SecurityGroup.Builder.create(this, "TaskSecurityGroup")
                .vpc(network.vpc())
                .description("Slipway data proxy tasks " + id)
                .allowAllOutbound(true)
                .build();
        this.service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(definition)
                .desiredCount(props.minTasks())
                .vpcSubnets(network.subnets())
                .securityGroups(List.of(taskGroup))
                .assignPublicIp(false)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(
                        DeploymentCircuitBreaker.builder().rollback(true).build())
                .build();
        database.allowFrom(taskGroup);
        // the proxy reads the login itself, at start and after a refusal: the secret rotates every 30 days
        database.secret().grantRead(definition.getTaskRole());
        // the schema first: on the first deploy and on every deploy that changes the migrations
        service.getNode().addDependency(migrations.resource());

        SecurityGroup balancerGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(network.vpc())
                .description("Slipway data proxy load balancer " + id + ": HTTPS from admitted clients")
                .allowAllOutbound(false)
                .build();
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(network.vpc())
                .vpcSubnets(loadBalancerSubnets)
                .internetFacing(props.internetFacing())
                .securityGroup(balancerGroup)
                .dropInvalidHeaderFields(true)
                .build();
        DataApiServiceParts.accessLogs(this, loadBalancer);
        ApplicationListener listener = loadBalancer.addListener(
                "Https",
                software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps.builder()
                        .port(443)
                        .protocol(ApplicationProtocol.HTTPS)
                        .certificates(List.of(ListenerCertificate.fromCertificateManager(props.certificate())))
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                        .open(props.internetFacing())
                        .build());
        this.targets = listener.addTargets(
                "Proxy",
                AddApplicationTargetsProps.builder()
                        .port(CONTAINER_PORT)
                        .protocol(ApplicationProtocol.HTTPS)
                        .targets(List.of(service))
                        .deregistrationDelay(Duration.seconds(30))
                        .healthCheck(HealthCheck.builder()
                                .path("/health")
                                .protocol(Protocol.HTTPS)
                                .healthyHttpCodes("200")
                                .interval(Duration.seconds(15))
                                .build())
                        .build());
        if (props.internetFacing()) DataApiServiceParts.hideMetrics(listener);
        if (props.hostedZone() != null) {
            DataApiServiceParts.aliasRecord(this, props.hostedZone(), props.domainName(), loadBalancer);
        }

        ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(props.minTasks())
                .maxCapacity(props.maxTasks())
                .build());
        DataApiServiceParts.scale(scaling, targets, props.requestsPerTask());
        DataApiServiceParts.suppressFindings(definition, apiKey, props.internetFacing() ? balancerGroup : null);
    }

    /**
     * The proxy's image, from where {@code -Pcontainer-image} put it: a Jib tarball ({@code
     * slipway-data-api-image.tar}; deploying it needs Docker or Finch on the deploying machine, as every CDK image
     * asset does) or an image Jib pushed to ECR without Docker ({@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG};
     * the task's execution role may pull it).
     */
    public static ContainerImage image(Construct scope, String tarballOrEcrImage) {
        return DataApiServiceParts.image(scope, tarballOrEcrImage);
    }

    /** Lets {@code client} call the proxy: HTTPS to the load balancer, nothing else. */
    public void allowFrom(IConnectable client) {
        loadBalancer.getConnections().allowFrom(client, Port.tcp(443), "Slipway data proxy client");
    }

    /** Lets a CIDR call the proxy (a peered network, an office); the API key is still required. */
    public void allowFromCidr(String cidr) {
        loadBalancer.getConnections().allowFrom(Peer.ipv4(cidr), Port.tcp(443), "Slipway data proxy client");
    }

    /** What a function's {@code SLIPWAY_URL} is: the driver over HTTPS to {@code domainName}, naming the target. */
    public String jdbcUrl() {
        return "jdbc:slipway-data-api://" + props.domainName() + ":443/" + database.databaseName()
                + "?tls=true&engine=" + database.engine().id() + "&resourceArn=" + database.arn() + "&secretArn="
                + database.secret().getSecretArn();
    }

    /** The RDS Data API endpoint an SDK client's {@code endpointOverride} takes. */
    public String endpoint() {
        return "https://" + props.domainName();
    }

    /** The secret with the API key ({@code {"apiKey":...}}); grant read to who may call. */
    public Secret apiKey() {
        return apiKey;
    }

    /** The load balancer's own name, for a DNS record you keep outside the stack. */
    public String loadBalancerDnsName() {
        return loadBalancer.getLoadBalancerDnsName();
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targets;
    }

    public FargateService service() {
        return service;
    }
}
