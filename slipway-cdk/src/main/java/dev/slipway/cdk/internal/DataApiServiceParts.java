package dev.slipway.cdk.internal;

import dev.slipway.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/** The pieces of {@code SlipwayDataApiService} around the service itself: image, logs bucket, DNS, scaling. */
public final class DataApiServiceParts {

    /** {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME[:TAG]}, as Jib's {@code -Djib.to.image} names it. */
    private static final Pattern ECR_IMAGE =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?::([^:@]+))?");

    private DataApiServiceParts() {}

    /**
     * The proxy task's environment, no secret in it: HTTPS on {@code port} with its own certificate, the pool size,
     * and one target given by its ARNs alone, whose login the proxy reads from the secret itself.
     */
    public static Map<String, String> taskEnvironment(
            int port, int poolSize, String resourceArn, String secretArn, String database, String region) {
        String target = "MAIN";
        Map<String, String> env = new HashMap<>();
        env.put(Setting.DATA_API_BIND.env(), "0.0.0.0");
        env.put(Setting.DATA_API_PORT.env(), Integer.toString(port));
        env.put(Setting.DATA_API_TLS_SELF_SIGNED.env(), "true");
        env.put(Setting.DATA_API_MAX_CONNECTIONS.env(), Integer.toString(poolSize));
        env.put(Setting.DATA_API_TARGET_RESOURCE_ARN.env().replace("NAME", target), resourceArn);
        env.put(Setting.DATA_API_TARGET_SECRET_ARN.env().replace("NAME", target), secretArn);
        env.put(Setting.DATA_API_TARGET_DATABASES.env().replace("NAME", target), database);
        env.put(Setting.DATA_API_REGION.env(), region);
        env.put("AWS_REGION", region); // for its Secrets Manager client
        return env;
    }

    public static ContainerImage image(Construct scope, String location) {
        Matcher ecr = ECR_IMAGE.matcher(location);
        if (ecr.matches()) {
            String name = ecr.group(3);
            String arn = "arn:aws:ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + name;
            var repository = Repository.fromRepositoryAttributes(
                    scope,
                    "DataApiImageRepository",
                    RepositoryAttributes.builder()
                            .repositoryArn(arn)
                            .repositoryName(name)
                            .build());
            return ContainerImage.fromEcrRepository(repository, ecr.group(4) == null ? "latest" : ecr.group(4));
        }
        Path tar = Path.of(location);
        if (!Files.isRegularFile(tar)) {
            throw new IllegalArgumentException("No data proxy image at " + tar.toAbsolutePath() + ". Build the"
                    + " tarball (./mvnw -pl slipway-data-api -am -Pcontainer-image package -DskipTests), or push it"
                    + " to ECR with Jib and give its name (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG); see"
                    + " docs/deploy.md.");
        }
        return ContainerImage.fromTarball(tar.toString());
    }

    /**
     * The load balancer's access logs, to a bucket of their own. CDK's {@code logAccessLogs} needs a concrete region
     * (it looks up the legacy per-region ELB account, aws-cdk issue 27432); in an environment-agnostic stack the
     * bucket policy grants the log delivery service principal instead, which the ELB guide names for it
     * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
     */
    public static void accessLogs(Construct scope, ApplicationLoadBalancer loadBalancer) {
        Bucket bucket = accessLogBucket(scope);
        if (!Token.isUnresolved(Stack.of(scope).getRegion())) {
            loadBalancer.logAccessLogs(bucket);
            return;
        }
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("logdelivery.elasticloadbalancing.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(
                        bucket.arnForObjects("AWSLogs/" + Stack.of(scope).getAccount() + "/*")))
                .build());
        loadBalancer.setAttribute("access_logs.s3.enabled", "true");
        loadBalancer.setAttribute("access_logs.s3.bucket", bucket.getBucketName());
        if (bucket.getPolicy() != null) loadBalancer.getNode().addDependency(bucket.getPolicy());
    }

    /** Where the load balancer writes its access logs: SSE-S3 (the only encryption ALB logs take), TLS only. */
    private static Bucket accessLogBucket(Construct scope) {
        Bucket bucket = Bucket.Builder.create(scope, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(List.of(
                        LifecycleRule.builder().expiration(Duration.days(365)).build()))
                .build();
        Nag.suppress(
                bucket,
                "AwsSolutions-S1",
                "This bucket holds the load balancer's access logs; logging access to the access logs would only"
                        + " repeat them.");
        return bucket;
    }

    /** An internet-facing proxy answers {@code /metrics} 404 at the load balancer: its figures are not public. */
    public static void hideMetrics(ApplicationListener listener) {
        listener.addAction(
                "HideMetrics",
                AddApplicationActionProps.builder()
                        .priority(1)
                        .conditions(List.of(ListenerCondition.pathPatterns(List.of("/metrics", "/metrics/*"))))
                        .action(ListenerAction.fixedResponse(
                                404,
                                FixedResponseOptions.builder()
                                        .contentType("text/plain")
                                        .messageBody("Not found")
                                        .build()))
                        .build());
    }

    public static void aliasRecord(Construct scope, IHostedZone zone, String name, ApplicationLoadBalancer target) {
        ARecord.Builder.create(scope, "Alias")
                .zone(zone)
                .recordName(name)
                .target(RecordTarget.fromAlias(new LoadBalancerTarget(target)))
                .build();
    }

    /** CPU at 60% and {@code requestsPerTask} per minute; scales in slowly (5 min), out fast (1 min). */
    public static void scale(ScalableTaskCount scaling, ApplicationTargetGroup targets, int requestsPerTask) {
        scaling.scaleOnCpuUtilization(
                "Cpu",
                CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(60)
                        .scaleInCooldown(Duration.minutes(5))
                        .scaleOutCooldown(Duration.minutes(1))
                        .build());
        scaling.scaleOnRequestCount(
                "Requests",
                RequestCountScalingProps.builder()
                        .requestsPerTarget(requestsPerTask)
                        .targetGroup(targets)
                        .scaleInCooldown(Duration.minutes(5))
                        .scaleOutCooldown(Duration.minutes(1))
                        .build());
    }

    /** The cdk-nag findings the service's design answers, each with its reason. */
    public static void suppressFindings(FargateTaskDefinition definition, ISecret apiKey, SecurityGroup publicGroup) {
        Nag.suppress(
                definition,
                "AwsSolutions-ECS2",
                "The environment holds the proxy's settings, the target's ARNs and the database name, no secret"
                        + " value: the proxy reads the login from Secrets Manager, and the API key is an ECS secret.");
        Nag.suppress(
                definition,
                "AwsSolutions-IAM5",
                "The execution role's log and ECR statements are CDK's for the awslogs driver and the image"
                        + " (ecr:GetAuthorizationToken has no resource).");
        Nag.suppress(
                apiKey,
                "AwsSolutions-SMG4",
                "The proxy reads its keys at task start: rotate by putting a new value, then"
                        + " aws ecs update-service --force-new-deployment (a function refused with the old key reads"
                        + " the secret again); docs/deploy.md has the steps.");
        if (publicGroup != null) {
            Nag.suppress(
                    publicGroup,
                    "AwsSolutions-EC23",
                    "Internet-facing on purpose (Props.withInternetFacing): HTTPS only, and every request needs the"
                            + " API key or a SigV4 signature; /metrics answers 404.");
        }
    }
}
