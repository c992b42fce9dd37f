package dev.slipway.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;

class SlipwayDatabaseOptionsTest {

    @TempDir
    Path dir;

    private Path zip() throws IOException {
        Path zip = dir.resolve("fn.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Handler.class"));
            out.write(new byte[] {1});
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void rdsProxyAndDataApi_areOptIn_andFunctionsConnectThroughTheProxy() throws IOException {
        Stack stack = new Stack(new App(), "Options");
        SlipwayNetwork network = new SlipwayNetwork(
                stack,
                "Network",
                Vpc.Builder.create(stack, "Mine").natGateways(1).build());
        SlipwayDatabase database = new SlipwayDatabase(
                stack,
                "Db",
                network,
                SlipwayDatabase.Props.defaults(Engine.MYSQL)
                        .withRdsProxy(true)
                        .withDataApi(true)
                        .withDeletionProtection(false));
        new SlipwayFunction(stack, "Fn", network, database, SlipwayFunction.Props.of("a.B::handleRequest", zip()));
        Template t = Template.fromStack(stack);

        t.resourceCountIs("AWS::RDS::DBProxy", 1);
        t.hasResourceProperties("AWS::RDS::DBCluster", Map.of("EnableHttpEndpoint", true, "DeletionProtection", false));
        t.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Environment",
                        Map.of("Variables", Match.objectLike(Map.of("SLIPWAY_DB_HOST", Match.anyValue())))));
        // your VPC is used as it is: no second VPC, and its private (NAT) subnets host the functions
        t.resourceCountIs("AWS::EC2::VPC", 1);
        assertThat(network.subnets().getSubnetType().name()).isEqualTo("PRIVATE_WITH_EGRESS");
    }

    @Test
    void aMissingArtifact_failsTheSynth_withTheBuildCommand() {
        Stack stack = new Stack(new App(), "Missing");
        SlipwayNetwork network = new SlipwayNetwork(stack, "Network");
        SlipwayDatabase database =
                new SlipwayDatabase(stack, "Db", network, SlipwayDatabase.Props.defaults(Engine.POSTGRESQL));

        assertThatThrownBy(() -> new SlipwayFunction(
                        stack,
                        "Fn",
                        network,
                        database,
                        SlipwayFunction.Props.of("a.B::handleRequest", dir.resolve("nope.zip"))))
                .hasMessageContaining("No Lambda artifact at")
                .hasMessageContaining("./mvnw package");
    }
}
