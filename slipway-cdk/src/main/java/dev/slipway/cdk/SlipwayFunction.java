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
import software.amazon.awscdk.services.lambda.ParamsAndSecretsLayerVersion;
import software.amazon.awscdk.services.lambda.ParamsAndSecretsOptions;
import software.amazon.awscdk.services.lambda.ParamsAndSecretsVersions;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/**
 * A Java function next to the database: arm64, SnapStart on published versions behind the alias {@code live},
 * tiered compilation stopped at C1 (faster starts), JSON logs, the AWS Parameters and Secrets extension (the
 * secret is read through it, cached 60 s), the secret's ARN in {@code SLIPWAY_DB_SECRET_ARN} with read permission,
 * and database ingress from its own security group only.
 */
public final class SlipwayFunction extends Construct {

    /**
     * @param handler {@code com.example.Handler::handleRequest}
     * @param artifact the Lambda zip (classes at the root, {@code lib/})
     * @param runtime {@link Runtime#JAVA_21} or {@link Runtime#JAVA_25}
     * @param memoryMb memory, which also buys CPU
     * @param timeout how long one invocation may take
     * @param environment extra environment variables
     */
    public record Props(
            String handler,
            Path artifact,
            Runtime runtime,
            int memoryMb,
            Duration timeout,
            Map<String, String> environment) {

        /** Java 21, 1024 MB, 30 s. */
        public static Props of(String handler, Path artifact) {
            return new Props(handler, artifact, Runtime.JAVA_21, 1024, Duration.seconds(30), Map.of());
        }

        public Props withTimeout(Duration value) {
            return new Props(handler, artifact, runtime, memoryMb, value, environment);
        }

        public Props withRuntime(Runtime value) {
            return new Props(handler, artifact, value, memoryMb, timeout, environment);
        }

        public Props withEnvironment(Map<String, String> value) {
            return new Props(handler, artifact, runtime, memoryMb, timeout, Map.copyOf(value));
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
        SecurityGroup group = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(network.vpc())
                .description("Slipway function " + id)
                .allowAllOutbound(true)
                .build();
        Map<String, String> env = new HashMap<>(props.environment());
        env.put(Setting.DB_SECRET_ARN.env(), database.secret().getSecretArn());
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        database.proxyEndpoint().ifPresent(endpoint -> env.put(Setting.DB_HOST.env(), endpoint));
        this.function = Function.Builder.create(this, "Function")
                .runtime(props.runtime())
                .architecture(Architecture.ARM_64)
                .handler(props.handler())
                .code(Code.fromAsset(props.artifact().toString()))
                .memorySize(props.memoryMb())
                .timeout(props.timeout())
                .vpc(network.vpc())
                .vpcSubnets(network.subnets())
                .securityGroups(List.of(group))
                .environment(env)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .loggingFormat(LoggingFormat.JSON)
                .paramsAndSecrets(ParamsAndSecretsLayerVersion.fromVersion(
                        ParamsAndSecretsVersions.V1_0_103,
                        ParamsAndSecretsOptions.builder()
                                .secretsManagerTtl(Duration.seconds(60))
                                .build()))
                .build();
        this.alias = Alias.Builder.create(this, "Live")
                .aliasName("live")
                .version(function.getCurrentVersion())
                .build();
        database.secret().grantRead(function);
        database.allowFrom(group);
        Nag.lambdaManagedPolicies(function);
        if (!props.runtime().getName().equals(Runtime.JAVA_25.getName())) {
            Nag.suppress(
                    function,
                    "AwsSolutions-L1",
                    props.runtime().getName() + " is the LTS Slipway's code targets"
                            + " (supported by Lambda); Props.withRuntime(Runtime.JAVA_25) selects the newest.");
        }
        // the alias publishes a version on every code change, which is what SnapStart needs
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "The alias 'live' points at function.currentVersion, a published version.");
    }

    public Function function() {
        return function;
    }

    /** The published version with SnapStart; point integrations here, not at {@code $LATEST}. */
    public Alias alias() {
        return alias;
    }
}
