package dev.slipway.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does with the archetype, outside this checkout, offline against the local repository: generate a
 * project, build and test it (its handler on real PostgreSQL and MySQL), synthesize its CDK stack (its stack test),
 * edit schema.sql and run {@code slipway migrate dev}, then {@code slipway up} and one request.
 *
 * <p>It needs this version's artifacts in the local repository, so it runs after {@code ./mvnw install}:
 * {@code ./mvnw -q install -DskipTests && ./mvnw -pl slipway-archetype verify -Dslipway.archetype.it=true}
 * ({@code .ci/run} does). Without the property it is skipped, saying so.
 */
class ArchetypeProjectIT {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SLIPWAY = CHECKOUT.resolve("slipway-cli/target/slipway/bin/slipway");
    private static final String VERSION = System.getProperty("slipway.version", "0.1.0-SNAPSHOT");

    @Test
    void aGeneratedProject_buildsTestsSynthesizesMigratesAndRuns(@TempDir Path home) throws Exception {
        Assumptions.assumeTrue(
                Boolean.getBoolean("slipway.archetype.it"),
                "needs this version installed: ./mvnw -q install -DskipTests, then -Dslipway.archetype.it=true");

        Result generated = run(
                home,
                CHECKOUT.resolve("mvnw").toString(),
                "-B",
                "-o",
                "-q",
                "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate",
                "-DarchetypeGroupId=dev.slipway",
                "-DarchetypeArtifactId=slipway-archetype",
                "-DarchetypeVersion=" + VERSION,
                "-DgroupId=com.example",
                "-DartifactId=shop",
                "-Dpackage=com.example.shop",
                "-DinteractiveMode=false");
        assertThat(generated.code()).as(generated.output()).isZero();
        Path project = home.resolve("shop");
        assertThat(project.resolve("schema.sql")).exists();
        assertThat(project.resolve("migrations/postgresql/V1__init.sql")).exists();
        assertThat(project.resolve("migrations/mysql/V1__init.sql")).exists();
        // archetype:generate writes files without their modes (a post-generate script that would restore them
        // breaks under JDK 25: the plugin's Groovy cannot read its class files), so the README says sh mvnw

        // the README's "test it": the handler on real databases of both engines, the zips, the lint
        Result verify = run(project, "sh", "mvnw", "-B", "-o", "verify");
        assertThat(verify.code()).as(tail(verify)).isZero();
        assertThat(verify.output())
                .contains("Tests run: 2, Failures: 0, Errors: 0")
                .contains("shop-api-postgresql.zip:")
                .contains("shop-migrations.zip:");

        // its CDK stack synthesizes for both engines, cdk-nag clean
        Result infra = run(project, "sh", "mvnw", "-B", "-o", "-f", "infra/pom.xml", "verify");
        assertThat(infra.code()).as(tail(infra)).isZero();
        assertThat(infra.output()).contains("Tests run: 2, Failures: 0, Errors: 0");

        // a schema edit becomes the next migration of both engines, applied to the dev database
        Path schema = project.resolve("schema.sql");
        Files.writeString(
                schema,
                Files.readString(schema)
                        .replace(
                                "name       varchar(200) not null check (char_length(name) > 0),",
                                "name       varchar(200) not null check (char_length(name) > 0),\n"
                                        + "  price      numeric(10, 2),"));
        Result dev = run(project, SLIPWAY.toString(), "migrate", "dev", "--name", "add_price");
        assertThat(dev.code()).as(dev.output()).isZero();
        assertThat(Files.readString(project.resolve("migrations/postgresql/V2__add_price.sql")))
                .contains("add column price numeric(10, 2)");
        assertThat(project.resolve("migrations/mysql/V2__add_price.sql")).exists();
        Result rebuilt = run(project, "sh", "mvnw", "-B", "-o", "-q", "package", "-DskipTests");
        assertThat(rebuilt.code()).as(tail(rebuilt)).isZero();
        assertThat(Files.readString(
                        project.resolve("target/generated-sources/slipway-jooq/com/example/shop/db/tables/Item.java")))
                .contains("PRICE");

        // the README's "run it", and one request
        Path log = home.resolve("up.log");
        Process up = new ProcessBuilder(SLIPWAY.toString(), "up", "--port", "0")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String url = awaitUrl(up, log);
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/items"))
                                    .header("content-type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"First\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(Files.readString(log)).isEqualTo(201);
            assertThat(created.body()).contains("\"name\":\"First\"");
        } finally {
            up.destroy();
            if (!up.waitFor(20, TimeUnit.SECONDS)) up.destroyForcibly();
        }
    }

    private record Result(int code, String output) {}

    private static Result run(Path dir, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        ProcessBuilder builder =
                new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SLIPWAY_") || k.equals("MAVEN_OPTS"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) process.destroyForcibly();
        return new Result(process.exitValue(), output);
    }

    private static String tail(Result result) {
        List<String> lines = result.output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String awaitUrl(Process up, Path log) throws Exception {
        Pattern url = Pattern.compile("Slipway is up: (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Matcher m = url.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            if (!up.isAlive()) throw new AssertionError("slipway up exited:\n" + Files.readString(log));
            Thread.sleep(250);
        }
        throw new AssertionError("slipway up did not come up in 3 min:\n" + Files.readString(log));
    }
}
