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
 * NAT gateway, no internet) and the one interface endpoint the functions need: Secrets Manager. VPC flow logs
 * go to CloudWatch Logs.
 */
public final class SlipwayNetwork extends Construct {

    private final IVpc vpc;

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
        var endpoint = created.addInterfaceEndpoint(
                "SecretsManager",
                InterfaceVpcEndpointOptions.builder()
                        .service(InterfaceVpcEndpointAwsService.SECRETS_MANAGER)
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
        this.vpc = created;
    }

    /** Your VPC: it must reach Secrets Manager from its private subnets (an endpoint or a NAT). */
    public SlipwayNetwork(Construct scope, String id, IVpc existing) {
        super(scope, id);
        this.vpc = existing;
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
