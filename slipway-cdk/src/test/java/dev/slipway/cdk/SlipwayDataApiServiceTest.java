package dev.slipway.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.Engine;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.ContainerImage;

class SlipwayDataApiServiceTest {

    private static final String CERTIFICATE =
            "arn:aws:acm:eu-west-1:111122223333:certificate/0b7a6f1e-1111-2222-3333-444455556666";

    @TempDir
    Path dir;

    private SlipwayMigrations migrations(Stack stack, SlipwayNetwork network, SlipwayDatabase database)
            throws IOException {
        Files.createDirectories(dir.resolve("migrations/postgresql"));
        String v1 = "create table t (id int primary key);\n";
        Files.writeString(dir.resolve("migrations/postgresql/V1__init.sql"), v1);
        Path zip = dir.resolve("fn.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("migrations/postgresql/V1__init.sql"));
            out.write(v1.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return new SlipwayMigrations(
                stack, "Migrations", network, database, SlipwayMigrations.Props.of(dir.resolve("migrations"), zip));
    }

    private int certificates;

    private SlipwayDataApiService.Props props(Stack stack) {
        return SlipwayDataApiService.Props.of(
                ContainerImage.fromRegistry("example/slipway-data-api:1"),
                Certificate.fromCertificateArn(stack, "Cert" + certificates++, CERTIFICATE),
                "data.example.com");
    }

    @Test
    void anInternetFacingProxy_inAVpcWithPublicSubnets_hidesMetrics_andPassesCdkNag_inAConcreteRegion()
            throws IOException {
        App app = new App();
        Stack stack = new Stack(
                app,
                "Public",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("111122223333")
                                .region("eu-west-1")
                                .build())
                        .build());
        SlipwayNetwork network = new SlipwayNetwork(
                stack,
                "Network",
                Vpc.Builder.create(stack, "Mine").natGateways(1).build());
        SlipwayDatabase database = new SlipwayDatabase(
                stack,
                "Db",
                network,
                SlipwayDatabase.Props.defaults(Engine.POSTGRESQL).withDeletionProtection(false));
        SlipwayMigrations migrations = migrations(stack, network, database);
        SlipwayDataApiService service = new SlipwayDataApiService(
                stack,
                "DataApi",
                network,
                database,
                migrations,
                props(stack).withInternetFacing(true).withScaling(1, 3, 20, 500));
        service.allowFromCidr("203.0.113.0/24");
        Aspects.of(app).add(new AwsSolutionsChecks());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of("Scheme", "internet-facing")));
        t.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                Match.objectLike(Map.of(
                        "Priority",
                        1,
                        "Actions",
                        List.of(Match.objectLike(Map.of(
                                "Type",
                                "fixed-response",
                                "FixedResponseConfig",
                                Match.objectLike(Map.of("StatusCode", "404"))))))));
        t.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget",
                Match.objectLike(Map.of("MinCapacity", 1, "MaxCapacity", 3)));
        assertThat(t.findResources("AWS::ECS::TaskDefinition").toString())
                .contains("SLIPWAY_DATA_API_MAX_CONNECTIONS, Value=20");
        // a concrete region: CDK's own access-log wiring (the region's ELB account)
        assertThat(t.findResources("AWS::S3::BucketPolicy").toString()).contains("156460612806");
        // the test's own VPC is not under test (cdk-nag's flow-log check does not see its flow log here)
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                        .filter(m -> !m.getId().startsWith("/Public/Mine/"))
                        .map(m -> m.getId() + ": " + m.getEntry().getData()))
                .isEmpty();
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                        .filter(m -> !m.getId().startsWith("/Public/Mine/"))
                        .map(m -> m.getId() + ": " + m.getEntry().getData()))
                .isEmpty();
    }

    @Test
    void anInternetFacingProxy_inAnIsolatedVpc_andABadScale_areRefusedWithTheFix() throws IOException {
        Stack stack = new Stack(new App(), "Isolated");
        SlipwayNetwork network = new SlipwayNetwork(stack, "Network");
        SlipwayDatabase database = new SlipwayDatabase(
                stack,
                "Db",
                network,
                SlipwayDatabase.Props.defaults(Engine.POSTGRESQL).withDeletionProtection(false));
        SlipwayMigrations migrations = migrations(stack, network, database);

        assertThatThrownBy(() -> new SlipwayDataApiService(
                        stack,
                        "DataApi",
                        network,
                        database,
                        migrations,
                        props(stack).withInternetFacing(true)))
                .hasMessageContaining("no public subnets")
                .hasMessageContaining("keep it internal");
        assertThatThrownBy(() -> props(stack).withScaling(3, 2, 10, 100)).hasMessageContaining("minTasks <= maxTasks");
        assertThatThrownBy(() -> SlipwayDataApiService.Props.of(null, null, "x"))
                .hasMessageContaining("needs an image, an ACM certificate");
    }

    @Test
    void anImage_isAJibTarball_orAnEcrImage_withPullRights() throws IOException {
        Stack stack = new Stack(new App(), "Images");
        assertThat(SlipwayDataApiService.image(stack, "111122223333.dkr.ecr.eu-west-1.amazonaws.com/slipway/proxy:7")
                        .bind(
                                stack,
                                new software.amazon.awscdk.services.ecs.FargateTaskDefinition(stack, "D")
                                        .addContainer(
                                                "c",
                                                software.amazon.awscdk.services.ecs.ContainerDefinitionOptions.builder()
                                                        .image(ContainerImage.fromRegistry("x"))
                                                        .build()))
                        .getImageName())
                .contains("slipway/proxy:7");
        assertThatThrownBy(() -> SlipwayDataApiService.image(
                        stack, dir.resolve("missing.tar").toString()))
                .hasMessageContaining("-Pcontainer-image")
                .hasMessageContaining("ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG");
    }
}
