package dev.slipway.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slipway:package on a project whose dependencies are the real jars on this test's class path. */
class PackageGoalTest {

    @Test
    void eachEnginesZip_hasOneDriver_theHttpEventClassesAtTheRoot_andTheSameBytesTwice(@TempDir Path dir)
            throws Exception {
        PackageMojo mojo = mojo(dir);
        mojo.execute();

        List<String> postgresql = names(dir.resolve("target/shop-api-postgresql.zip"));
        List<String> mysql = names(dir.resolve("target/shop-api-mysql.zip"));
        assertThat(postgresql)
                .contains("com/example/Handler.class", "routes")
                .anyMatch(n -> n.startsWith("lib/postgresql-"))
                .noneMatch(n -> n.startsWith("lib/mariadb-java-client-"))
                .contains("com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class")
                .noneMatch(n -> n.startsWith("lib/aws-lambda-java-events"))
                .noneMatch(n -> n.startsWith("com/amazonaws/services/lambda/runtime/events/SQSEvent"))
                .noneMatch(n -> n.contains("junit"));
        assertThat(mysql)
                .anyMatch(n -> n.startsWith("lib/mariadb-java-client-"))
                .noneMatch(n -> n.startsWith("lib/postgresql-"));

        byte[] first = Files.readAllBytes(dir.resolve("target/shop-api-postgresql.zip"));
        mojo.execute();
        assertThat(Files.readAllBytes(dir.resolve("target/shop-api-postgresql.zip")))
                .isEqualTo(first);
    }

    @Test
    void aZipOverItsBudget_failsTheBuild_namingItsSize(@TempDir Path dir) throws Exception {
        PackageMojo mojo = mojo(dir);
        mojo.maxApiBytes = 100_000;
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("shop-api-postgresql.zip is ")
                .hasMessageContaining("over its 100,000 budget");
    }

    @Test
    void anOutputTimestampThatIsNotADate_isRefusedWithTheFix_notDated1980(@TempDir Path dir) throws Exception {
        PackageMojo mojo = mojo(dir);
        mojo.outputTimestamp = "2026-13-01";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("project.build.outputTimestamp is '2026-13-01'")
                .hasMessageContaining("2026-01-01T00:00:00Z");
        assertThat(dir.resolve("target/shop-api-postgresql.zip")).doesNotExist();
    }

    @Test
    void anOutputTimestampInSecondsOrWithAnOffset_datesTheEntries_andOneCharacterMeansNone(@TempDir Path dir)
            throws Exception {
        PackageMojo mojo = mojo(dir);
        mojo.outputTimestamp = "1767225600";
        assertThat(mojo.entryTime()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        mojo.outputTimestamp = "2026-01-01T01:00:00+01:00";
        assertThat(mojo.entryTime()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        mojo.outputTimestamp = "1";
        assertThat(mojo.entryTime()).isEqualTo(dev.slipway.packaging.LambdaZip.ZIP_EPOCH);
    }

    private static PackageMojo mojo(Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/classes/com/example"));
        Files.write(classes.resolve("Handler.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.writeString(dir.resolve("target/classes/routes"), "GET /things api list\n");
        MavenProject project = new MavenProject();
        Build build = new Build();
        build.setDirectory(dir.resolve("target").toString());
        build.setOutputDirectory(dir.resolve("target/classes").toString());
        project.setBuild(build);
        Set<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(jar("org.postgresql", "postgresql", "org.postgresql.Driver", Artifact.SCOPE_COMPILE));
        artifacts.add(
                jar("org.mariadb.jdbc", "mariadb-java-client", "org.mariadb.jdbc.Driver", Artifact.SCOPE_COMPILE));
        artifacts.add(jar(
                "com.amazonaws",
                "aws-lambda-java-events",
                "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                Artifact.SCOPE_COMPILE));
        artifacts.add(jar("org.junit.jupiter", "junit-jupiter-api", "org.junit.jupiter.api.Test", Artifact.SCOPE_TEST));
        project.setArtifacts(artifacts);
        PackageMojo mojo = new PackageMojo();
        mojo.project = project;
        mojo.name = "shop-api";
        mojo.engines = List.of("postgresql", "mysql");
        mojo.migrationsName = "shop-migrations";
        mojo.migrations = dir.resolve("migrations").toFile();
        mojo.maxApiBytes = 10_485_760;
        mojo.maxMigrationsBytes = 20_971_520;
        mojo.outputTimestamp = "2026-01-01T00:00:00Z";
        return mojo;
    }

    private static Artifact jar(String group, String artifact, String someClass, String scope) throws Exception {
        Path file = Path.of(Class.forName(someClass)
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        DefaultArtifact a = new DefaultArtifact(
                group,
                artifact,
                "1",
                scope,
                "jar",
                null,
                new org.apache.maven.artifact.handler.DefaultArtifactHandler("jar"));
        a.setFile(file.toFile());
        return a;
    }

    private static List<String> names(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
        }
    }
}
