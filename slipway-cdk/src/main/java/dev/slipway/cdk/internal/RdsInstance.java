package dev.slipway.cdk.internal;

import dev.slipway.cdk.SlipwayDatabase;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.rds.StorageType;
import software.constructs.Construct;

/**
 * The RDS instance of a {@link SlipwayDatabase} made with {@code withInstance}: what the Aurora cluster has (generated
 * secret rotated every 30 days, encryption, IAM authentication, 7 days of backups, deletion protection, log exports,
 * isolated subnets) on one instance of PostgreSQL 16 or MySQL 8.0 (the newest minor versions this CDK release knows).
 */
public final class RdsInstance {

    private RdsInstance() {}

    public static DatabaseInstance create(
            Construct scope, IVpc vpc, SubnetSelection subnets, SlipwayDatabase.Props props) {
        SlipwayDatabase.InstanceProps shape = props.instance();
        RdsEngine rds = RdsEngine.of(props.engine());
        IInstanceEngine engine = rds.instanceEngine();
        DatabaseInstance.Builder builder = DatabaseInstance.Builder.create(scope, "Instance")
                .engine(engine)
                .instanceType(new InstanceType(shape.instanceClass()))
                .vpc(vpc)
                .vpcSubnets(subnets)
                .credentials(Credentials.fromGeneratedSecret("slipway"))
                .databaseName(props.databaseName())
                .storageType(StorageType.GP3)
                .allocatedStorage(shape.storageGiB())
                .maxAllocatedStorage(shape.maxStorageGiB())
                .storageEncrypted(true)
                .iamAuthentication(true)
                .multiAz(shape.multiAz())
                .backupRetention(Duration.days(7))
                .deletionProtection(props.deletionProtection())
                .removalPolicy(props.deletionProtection() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .autoMinorVersionUpgrade(true)
                .cloudwatchLogsExports(rds.instanceLogExports());
        if (!rds.instanceLogParameters().isEmpty()) {
            // as on Aurora: no slow-query log unless a parameter says so, and the export would stay empty
            builder.parameterGroup(ParameterGroup.Builder.create(scope, "InstanceParameters")
                    .engine(engine)
                    .description("Slipway: the slow-query log for the CloudWatch Logs export")
                    .parameters(rds.instanceLogParameters())
                    .build());
        }
        DatabaseInstance instance = builder.build();
        instance.addRotationSingleUser(RotationSingleUserOptions.builder()
                .automaticallyAfter(Duration.days(30))
                .vpcSubnets(subnets)
                .build());
        Nag.suppress(
                instance,
                "AwsSolutions-RDS11",
                "The engine's default port: a different one hides nothing from a client inside the VPC, and the"
                        + " security group admits only the functions.");
        if (!shape.multiAz()) {
            Nag.suppress(
                    instance,
                    "AwsSolutions-RDS3",
                    "One availability zone on purpose (InstanceProps.multiAz false): the cheapest setup; set"
                            + " multiAz for a standby.");
        }
        if (!props.deletionProtection()) {
            Nag.suppress(
                    instance,
                    "AwsSolutions-RDS10",
                    "Deletion protection turned off on purpose for this (development) stack; production stacks keep"
                            + " the default.");
        }
        return instance;
    }
}
