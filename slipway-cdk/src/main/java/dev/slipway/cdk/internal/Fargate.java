package dev.slipway.cdk.internal;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * What every Slipway Fargate workload (the migration task, the data proxy service) starts from: a cluster with
 * Container Insights, a log group kept a year (and kept when the stack goes), a Linux task definition.
 */
public final class Fargate {

    private Fargate() {}

    public record Parts(Cluster cluster, LogGroup logs, FargateTaskDefinition definition) {}

    public static Parts create(Construct scope, IVpc vpc, int cpu, int memoryMb, CpuArchitecture architecture) {
        Cluster cluster = Cluster.Builder.create(scope, "Cluster")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        LogGroup logs = LogGroup.Builder.create(scope, "Logs")
                .retention(RetentionDays.ONE_YEAR)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        FargateTaskDefinition definition = FargateTaskDefinition.Builder.create(scope, "Definition")
                .cpu(cpu)
                .memoryLimitMiB(memoryMb)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(architecture)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        return new Parts(cluster, logs, definition);
    }
}
