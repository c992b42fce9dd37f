package dev.slipway.cdk;

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
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SlipwayMigrationsPropsTest {

    @TempDir
    Path dir;

    private SlipwayMigrations.Props props() throws IOException {
        Files.createDirectories(dir.resolve("migrations/postgresql"));
        Files.writeString(dir.resolve("migrations/postgresql/V1__init.sql"), "create table t (id int primary key);\n");
        Path zip = dir.resolve("fn.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Handler.class"));
            out.write(new byte[] {1});
            out.closeEntry();
        }
        return SlipwayMigrations.Props.of(dir.resolve("migrations"), zip);
    }

    private static Stack stackWith(SlipwayMigrations.Props props) {
        Stack stack = new Stack(new App(), "Props");
        SlipwayNetwork network = new SlipwayNetwork(stack, "Network");
        SlipwayDatabase database = new SlipwayDatabase(
                stack,
                "Db",
                network,
                SlipwayDatabase.Props.defaults(Engine.POSTGRESQL).withDeletionProtection(false));
        new SlipwayMigrations(stack, "Migrations", network, database, props);
        return stack;
    }

    @Test
    void theMigrationFunctionsTimeout_isAProperty_upTo15Minutes() throws IOException {
        Template t = Template.fromStack(stackWith(props().withTimeout(Duration.minutes(15))));

        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", SlipwayMigrations.HANDLER, "Timeout", 900));
        // isolated subnets reach S3, where a raw custom resource PUTs its answer
        t.hasResourceProperties(
                "AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway", "ServiceName", Match.anyValue()));
    }

    @Test
    void aTimeoutOverLambdasLimit_isRefusedAtSynth_namingTaskMode() throws IOException {
        SlipwayMigrations.Props tooLong = props().withTimeout(Duration.minutes(20));

        assertThatThrownBy(() -> stackWith(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30 s to 15 minutes")
                .hasMessageContaining("withTask(TaskProps.of(image))");
    }
}
