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
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SlipwayMigrationsPropsTest {

    @TempDir
    Path dir;

    private SlipwayMigrations.Props props() throws IOException {
        Files.createDirectories(dir.resolve("migrations/postgresql"));
        String v1 = "create table t (id int primary key);\n";
        Files.writeString(dir.resolve("migrations/postgresql/V1__init.sql"), v1);
        Path zip = dir.resolve("fn.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Handler.class"));
            out.write(new byte[] {1});
            out.closeEntry();
            out.putNextEntry(new ZipEntry("migrations/postgresql/V1__init.sql"));
            out.write(v1.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
    void theSchemaHash_changesWithTheRunnersCode_evenUnderTheSameVersion() throws Exception {
        SlipwayMigrations.Props props = props();
        String before = SlipwayMigrations.schemaHash(props.migrationsRoot(), props.artifact(), Engine.POSTGRESQL);

        Path rebuilt = dir.resolve("fn2.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
            out.putNextEntry(new ZipEntry("Handler.class"));
            out.write(new byte[] {2}); // another runner, same 0.1.0-SNAPSHOT
            out.closeEntry();
            out.putNextEntry(new ZipEntry("migrations/postgresql/V1__init.sql"));
            out.write(Files.readAllBytes(dir.resolve("migrations/postgresql/V1__init.sql")));
            out.closeEntry();
        }

        assertThat(SlipwayMigrations.schemaHash(props.migrationsRoot(), rebuilt, Engine.POSTGRESQL))
                .isNotEqualTo(before);
        assertThat(SlipwayMigrations.schemaHash(props.migrationsRoot(), props.artifact(), Engine.POSTGRESQL))
                .as("and only then")
                .isEqualTo(before);
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
