package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `slipway up` as a user runs it: the CLI as a process, the packaged Lambda zips, real HTTP. */
class SlipwayUpIT {

    private static final Path CLI_JAR = Path.of("../../slipway-cli/target/slipway/slipway-cli.jar");
    private static final Pattern URL = Pattern.compile("Slipway is up: (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void up_migratesThenStartsTheDataProxyThenServesTheRoutesFile_overRealHttp_andStopsCleanly() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            SlipwayUpProcess upProcess =
                    SlipwayUpProcess.start("--url", db.url(), "--user", db.user(), "--password", db.password());
            Process up = upProcess.process;
            Path log = upProcess.log;
            try {
                String url = upProcess.awaitUrl();
                List<String> output = Files.readAllLines(log);
                assertThat(output).anyMatch(l -> l.contains("Migrations: applied 1,2,3,4 (schema version 4)"));
                // Slipway's lines and real problems only (issue 23, item 9)
                assertThat(output)
                        .noneMatch(l -> List.of(
                                        "Executing Java callback",
                                        "Version mismatch",
                                        "-X option",
                                        "(1280)",
                                        "ignored for PRIMARY key",
                                        "Training event")
                                .stream()
                                .anyMatch(l::contains));
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> noToken = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/authors"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(noToken.statusCode())
                        .as("auth=jwt, as API Gateway answers it")
                        .isEqualTo(401);
                assertThat(noToken.body()).isEqualTo("{\"message\":\"Unauthorized\"}");

                String alice = SlipwayUpProcess.token("alice");
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/authors"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + alice)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
                assertThat(created.headers().firstValue("Location")).contains("/authors/1");
                HttpResponse<String> post = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/posts"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + alice)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"authorId\":1,\"title\":\"Mine\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(post.statusCode()).isEqualTo(201);
                HttpResponse<String> publishedByBob = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/posts/1/publish"))
                                .header("Authorization", "Bearer " + SlipwayUpProcess.token("bob"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(publishedByBob.statusCode())
                        .as("another user's token")
                        .isEqualTo(403);
                assertThat(publishedByBob.body()).contains("\"error\":\"forbidden\"");

                HttpResponse<String> list = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/authors?limit=5"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.body()).contains("\"email\":\"ada@example.com\"");

                HttpResponse<String> missing = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/nowhere")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(missing.statusCode()).isEqualTo(404);
                assertThat(missing.body()).contains("\"error\":\"not_found\"");

                // the data proxy started after the migrations, on the same database, with the printed key
                Matcher proxy = Pattern.compile("data proxy: (http://\\S+) .*x-api-key: (\\S+),")
                        .matcher(String.join("\n", Files.readAllLines(log)));
                assertThat(proxy.find()).as("up prints the data proxy").isTrue();
                HttpResponse<String> viaProxy = http.send(
                        HttpRequest.newBuilder(URI.create(proxy.group(1) + "/Execute"))
                                .header("x-api-key", proxy.group(2))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"resourceArn\":\"arn:aws:rds:us-east-1:"
                                                        + "000000000000:cluster:local\",\"secretArn\":\"arn:aws:secretsmanager:"
                                                        + "us-east-1:000000000000:secret:local\",\"sql\":\"select email from author\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(viaProxy.statusCode()).isEqualTo(200);
                assertThat(viaProxy.body()).contains("ada@example.com");
                List<String> order = Files.readAllLines(log);
                int migrated = indexOf(order, "Migrations: applied");
                int proxied = indexOf(order, "Data proxy: http");
                assertThat(migrated).isNotNegative().isLessThan(proxied);
            } finally {
                up.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops containers and servers
                assertThat(up.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                        .as("stops within 20 s")
                        .isTrue();
            }
            List<String> output = Files.readAllLines(log);
            assertThat(output).anyMatch(l -> l.contains("Stopping"));
            assertThat(output).anyMatch(l -> l.startsWith("[api] {") && l.contains("\"status\":201"));
        }
    }

    @Test
    void upViaDataApi_servesTheRoutesFromTheDataApiZip_throughTheProxy() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            SlipwayUpProcess upProcess = SlipwayUpProcess.start(
                    "--via-data-api", "--url", db.url(), "--user", db.user(), "--password", db.password());
            Process up = upProcess.process;
            Path log = upProcess.log;
            try {
                String url = upProcess.awaitUrl();
                HttpClient http = HttpClient.newHttpClient();
                String grace = SlipwayUpProcess.token("grace");
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/authors"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + grace)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"grace@example.com\",\"name\":\"Grace\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
                HttpResponse<String> duplicate = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/authors"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + grace)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"grace@example.com\",\"name\":\"Grace\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(duplicate.statusCode())
                        .as("a unique violation over the Data API keeps its SQL state, so the handler answers 409")
                        .isEqualTo(409);
                try (var c = db.connect();
                        var rs = c.createStatement().executeQuery("select name from author")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("Grace");
                }
                Matcher proxy = Pattern.compile("data proxy: (http://\\S+) ")
                        .matcher(String.join("\n", Files.readAllLines(log)));
                assertThat(proxy.find()).isTrue();
                String metrics = http.send(
                                HttpRequest.newBuilder(URI.create(proxy.group(1) + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(metrics)
                        .as("the function's statements went through the proxy")
                        .containsPattern("operation=\"ExecuteStatement\"");
            } finally {
                up.destroy();
                assertThat(up.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                        .isTrue();
            }
            String output = String.join("\n", Files.readAllLines(log));
            assertThat(output).contains("API functions connect through the data proxy (jdbc:slipway-data-api://");
            Matcher key = Pattern.compile("x-api-key: (\\S+),").matcher(output);
            assertThat(key.find()).isTrue();
            assertThat(output.lines().filter(l -> l.contains("API functions connect")))
                    .as("the key in the functions' URL is masked")
                    .noneMatch(l -> l.contains(key.group(1)));
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i;
        return -1;
    }

    @Test
    void invoke_runsOneFunctionFromItsZip_andPrintsItsAnswer() throws Exception {
        Path event = Files.createTempFile("event", ".json");
        Files.writeString(event, "{\"command\":\"deploy\"}");
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            Process invoke = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            CLI_JAR.toString(),
                            "invoke",
                            "migrations",
                            "--event",
                            event.toString(),
                            "--url",
                            db.url(),
                            "--user",
                            db.user())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            event.resolveSibling(event.getFileName() + ".out").toFile())
                    .start();
            assertThat(invoke.waitFor(90, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            String output = Files.readString(event.resolveSibling(event.getFileName() + ".out"));

            assertThat(invoke.exitValue()).as(output).isZero();
            assertThat(output).contains("\"AppliedVersions\":\"1,2,3,4\"").contains("\"CurrentVersion\":\"4\"");
        }
    }
}
