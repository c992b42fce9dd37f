package dev.slipway.cdk;

import dev.slipway.cdk.internal.Nag;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * Where the database and functions live. Either your VPC, or a new one with isolated subnets only (two AZs, no
 * NAT gateway, no internet), the one interface endpoint the functions need (Secrets Manager) and the free S3 gateway
 * endpoint (a raw custom resource's answer goes to S3). VPC flow logs go to CloudWatch Logs.
 */
public final class SlipwayNetwork extends Construct {

    private final IVpc vpc;
    private final boolean created;
    private boolean containerEndpoints;

    /** A new isolated VPC. */
    public SlipwayNetwork(Construct scope, String id) {
        super(scope, id);
        Vpc created = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("isolated")
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .cidrMask(24)
                        .build()))
                .flowLogs(Map.of("FlowLogs", FlowLogOptions.builder().build()))
                .build();
        interfaceEndpoint(created, "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER);
        // S3, free as a gateway endpoint: a raw custom resource answers CloudFormation by a PUT to a presigned S3
        // URL, which isolated subnets reach only through it; the migration task pulls its image's layers from S3
        created.addGatewayEndpoint(
                "S3",
                software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions.builder()
                        .service(software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService.S3)
                        .subnets(List.of(SubnetSelection.builder()
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .build()))
                        .build());
        this.vpc = created;
        this.created = true;
    }

    /** Your VPC: it must reach Secrets Manager (and S3, for a raw custom resource) from its private subnets. */
    public SlipwayNetwork(Construct scope, String id, IVpc existing) {
        super(scope, id);
        this.vpc = existing;
        this.created = false;
    }

    /**
     * The endpoints an ECS Fargate task in the isolated subnets needs (the migration task of {@link
     * SlipwayMigrations.TaskProps}): ECR's API and registry, and CloudWatch Logs (S3, where ECR keeps the layers,
     * is there already). Added once; in your own VPC they are yours to provide (or a NAT).
     */
    void addContainerTaskEndpoints() {
        if (!created || containerEndpoints) return;
        containerEndpoints = true;
        Vpc own = (Vpc) vpc;
        for (var service : Map.of(
                        "EcrApi", InterfaceVpcEndpointAwsService.ECR,
                        "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
                        "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS)
                .entrySet()) {
            interfaceEndpoint(own, service.getKey(), service.getValue());
        }
    }

    private static void interfaceEndpoint(Vpc vpc, String id, InterfaceVpcEndpointAwsService service) {
        var endpoint = vpc.addInterfaceEndpoint(
                id,
                InterfaceVpcEndpointOptions.builder()
                        .service(service)
                        .subnets(SubnetSelection.builder()
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .build())
                        .privateDnsEnabled(true)
                        .build());
        Nag.suppress(
                endpoint,
                "CdkNagValidationFailure",
                "EC23 cannot read the endpoint's ingress rule: it is the"
                        + " VPC's own CIDR (a token until deploy), not 0.0.0.0/0.");
    }

    public IVpc vpc() {
        return vpc;
    }

    /** The subnets functions and the database use: isolated ones when there are, else private ones. */
    public SubnetSelection subnets() {
        SubnetType type =
                vpc.getIsolatedSubnets().isEmpty() ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
        return SubnetSelection.builder().subnetType(type).build();
    }
}
