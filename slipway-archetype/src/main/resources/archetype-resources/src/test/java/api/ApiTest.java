package ${package}.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestLambdaContext;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API function on a real database of each engine (the PostgreSQL and MySQL/MariaDB on localhost when they
 * run, else embedded ones), migrated by the project's own migrations, called as Lambda calls it.
 */
class ApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void createdItems_areListedAndFound_andAMissingOneIs404(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            new Migrator(
                            DatabaseTarget.builder()
                                    .url(db.url())
                                    .user(db.user())
                                    .password(db.password())
                                    .build(),
                            MigrationsLocation.directory(Path.of("migrations")),
                            line -> {})
                    .deploy();
            DatabaseTarget credentials = DatabaseTarget.of(db.url(), db.user(), db.password());
            Api api = new Api(new LambdaDatabase(new CredentialsProvider(() -> credentials)));

            JsonNode created = call(api, "POST", "/items", "{\"name\":\"First\"}");
            assertThat(created.get("statusCode").asInt()).isEqualTo(201);
            long id = JSON.readTree(created.get("body").asText()).get("id").asLong();

            JsonNode found = call(api, "GET", "/items/" + id, null);
            assertThat(found.get("statusCode").asInt()).isEqualTo(200);
            assertThat(JSON.readTree(found.get("body").asText()).get("name").asText()).isEqualTo("First");

            call(api, "POST", "/items", "{\"name\":\"Second\"}");
            JsonNode page = JSON.readTree(call(api, "GET", "/items?limit=1", null).get("body").asText());
            assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("First");
            JsonNode next = JSON.readTree(call(api, "GET", "/items?limit=1&cursor=" + page.get("nextCursor").asText(), null)
                    .get("body")
                    .asText());
            assertThat(next.get("items").get(0).get("name").asText()).isEqualTo("Second");
            assertThat(call(api, "GET", "/items/" + (id + 1000), null).get("statusCode").asInt()).isEqualTo(404);
            assertThat(call(api, "POST", "/items", "{\"name\":\"\"}").get("statusCode").asInt()).isEqualTo(422);
            // a write without the caller API Gateway's JWT authorizer passes: refused by the function too
            assertThat(call(api, "POST", "/items", "{\"name\":\"Anonymous\"}", null).get("statusCode").asInt())
                    .isEqualTo(401);
        }
    }

    private static JsonNode call(Api api, String method, String path, String body) throws Exception {
        return call(api, method, path, body, "tester");
    }

    /** As API Gateway calls the function: for an auth=jwt route, with the token's claims ({@code sub}: subject). */
    private static JsonNode call(Api api, String method, String path, String body, String subject) throws Exception {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "$default")
                .put("rawPath", path.replaceFirst("\\?.*", ""))
                .put("rawQueryString", path.contains("?") ? path.substring(path.indexOf('?') + 1) : "")
                .put("isBase64Encoded", false)
                .put("body", body);
        event.set("headers", JSON.createObjectNode().put("content-type", "application/json"));
        ObjectNode query = JSON.createObjectNode();
        for (String pair : event.get("rawQueryString").asText().split("&")) {
            if (pair.contains("=")) query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        event.set("queryStringParameters", query);
        ObjectNode context = JSON.createObjectNode().put("requestId", "test");
        context.set(
                "http",
                JSON.createObjectNode().put("method", method).put("path", path.replaceFirst("\\?.*", "")));
        if (subject != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.putObject("claims").put("sub", subject);
        }
        event.set("requestContext", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api.handleRequest(
                new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)),
                out,
                new TestLambdaContext(30_000));
        return JSON.readTree(out.toByteArray());
    }
}
