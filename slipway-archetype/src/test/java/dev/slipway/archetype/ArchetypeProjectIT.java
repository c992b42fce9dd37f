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
 * project, validate its GitHub workflows (npm's {@code @action-validator/cli}), build and test it (its handler on real
 * PostgreSQL and MySQL), synthesize its CDK stack (its stack test), add a table to schema.sql and run {@code slipway
 * migrate dev}, then {@code slipway up} and a request without and with a token.
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
        assertThat(project.resolve(".gitignore"))
                .as("what up and the build write stays out of version control (issue 23, item 10)")
                .content()
                .contains("target/", ".slipway/");
        assertThat(project.resolve("migrations/postgresql/V1__init.sql")).exists();
        assertThat(project.resolve("migrations/mysql/V1__init.sql")).exists();
        // its pipeline, as generated, passes a validator of GitHub's workflow schema (not Slipway's)
        for (String workflow : List.of("ci.yml", "deploy.yml")) {
            Path file = project.resolve(".github/workflows/" + workflow);
            assertThat(Files.readString(file)).contains("${{"); // GitHub's expressions, not filtered by Velocity
            Result valid = run(home, "npx", "--yes", "@action-validator/cli@0.6.0", file.toString());
            assertThat(valid.code()).as(workflow + ":\n" + valid.output()).isZero();
        }
        // archetype:generate writes files without their modes (a post-generate script that would restore them
        // breaks under JDK 25: the plugin's Groovy cannot read its class files), so the README says sh mvnw

        // the README's "test it": the handler on real databases of both engines, the zips, the lint
        Result verify = run(project, "sh", "mvnw", "-B", "-o", "verify");
        assertThat(verify.code()).as(tail(verify)).isZero();
        assertThat(verify.output())
                .contains("Tests run: 2, Failures: 0, Errors: 0")
                .contains("shop-api-postgresql.zip:")
                .contains("the largest entries: lib/jooq-") // a one-table handler is 90% of its budget
                .contains("shop-migrations.zip:");

        // its CDK stack synthesizes for both engines, cdk-nag clean
        Result infra = run(project, "sh", "mvnw", "-B", "-o", "-f", "infra/pom.xml", "verify");
        assertThat(infra.code()).as(tail(infra)).isZero();
        assertThat(infra.output()).contains("Tests run: 2, Failures: 0, Errors: 0");

        // a table added to schema.sql becomes the next migration of both engines, applied to the dev database
        Path schema = project.resolve("schema.sql");
        Files.writeString(
                schema,
                Files.readString(schema)
                        + "\ncreate table tag (\n  id bigint generated by default as identity primary key,\n"
                        + "  item_id bigint not null references item (id) on delete cascade,\n"
                        + "  label varchar(40) not null\n);\n");
        Result dev = run(project, SLIPWAY.toString(), "migrate", "dev", "--name", "add_tags");
        assertThat(dev.code()).as(dev.output()).isZero();
        assertThat(Files.readString(project.resolve("migrations/postgresql/V2__add_tags.sql")))
                .contains("create table tag");
        assertThat(Files.readString(project.resolve("migrations/mysql/V2__add_tags.sql")))
                .contains("create table tag");
        Result rebuilt = run(project, "sh", "mvnw", "-B", "-o", "-q", "package", "-DskipTests");
        assertThat(rebuilt.code()).as(tail(rebuilt)).isZero();
        assertThat(project.resolve("target/generated-sources/slipway-jooq/com/example/shop/db/tables/Tag.java"))
                .exists();

        // the README's "run it", and one request
        Path log = home.resolve("up.log");
        Process up = new ProcessBuilder(SLIPWAY.toString(), "up", "--port", "0")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String url = awaitUrl(up, log);
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url + "/items"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"First\"}"));
            HttpResponse<String> anonymous =
                    HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("routes: default auth=jwt").isEqualTo(401);
            // the README's token, from up's development issuer
            Result token = run(project, SLIPWAY.toString(), "token", "--sub", "alice");
            assertThat(token.code()).as(token.output()).isZero();
            String jwt = token.output().lines().reduce((a, b) -> b).orElse("").strip();
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(post.header("authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString());
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
