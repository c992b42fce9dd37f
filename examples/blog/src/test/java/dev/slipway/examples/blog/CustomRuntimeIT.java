package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.local.layer.Outcome;
import dev.slipway.local.stack.FunctionSpec;
import dev.slipway.local.stack.LocalFunction;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API function on its custom runtime layer as the build made it ({@code target/blog-api-ENGINE-runtime.zip}) and
 * as {@code slipway up} and Lambda's provided.al2023 run it: the layer's {@code bootstrap} (a shell script), its
 * jlinked JVM, AWS's runtime interface client (its native Runtime API client) and the AOT cache, against a real
 * database. {@code -XX:AOTMode=on} makes the JVM exit rather than run without the cache, so a cache that does not
 * load (another JVM, class path or options) fails here.
 */
@EnabledForJreRange(min = JRE.JAVA_25) // the build makes the layers on JDK 25 (profile custom-runtime)
class CustomRuntimeIT {

    private static final String HANDLER = "dev.slipway.examples.blog.api.BlogApi::handleRequest";

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theLayersBootstrap_answersFromItsAotCache_onARealDatabase(TestServer server, @TempDir Path work)
            throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            BlogSchema.migrate(db);
            String engine = db.url().startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Map<String, String> env = Map.of(
                    "SLIPWAY_URL",
                    db.url(),
                    "SLIPWAY_USER",
                    db.user(),
                    "SLIPWAY_PASSWORD",
                    db.password(),
                    "SLIPWAY_PRIMING",
                    "off",
                    "SLIPWAY_CONNECT_AT_INIT",
                    "on",
                    "JAVA_TOOL_OPTIONS",
                    "-XX:AOTMode=on -Xlog:class+load=info,class+path=info:stdout");
            FunctionSpec spec = new FunctionSpec("api", HANDLER, zip(engine), layer(engine));
            try (LocalFunction api =
                    LocalFunction.deploy(spec, env, work, 1, new PrintStream(log, true, StandardCharsets.UTF_8))) {
                Outcome created = api.invoke(
                        event("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}"),
                        Duration.ofSeconds(60));
                assertThat(created.payload()).as(created.error()).contains("\"statusCode\":201");
                Outcome listed = api.invoke(event("GET", "/authors", null), Duration.ofSeconds(60));
                assertThat(listed.payload()).contains("\"statusCode\":200").contains("ada@example.com");
            }
            String output = log.toString(StandardCharsets.UTF_8);
            assertThat(output)
                    .as("the runtime interface client, the handler and jOOQ come from the AOT cache")
                    .contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda source: shared objects file")
                    .contains("dev.slipway.examples.blog.api.BlogApi source: shared objects file")
                    .contains("org.jooq.impl.DSL source: shared objects file");
            if (engine.equals("postgresql")) {
                assertThat(output)
                        .as("the build trains the PostgreSQL layer on an embedded database: pgjdbc's protocol too")
                        .contains("org.postgresql.core.v3.QueryExecutorImpl source: shared objects file");
            }
            assertThat(output)
                    .as("the JVM is the layer's own, under Lambda's /opt")
                    .contains("opt/slipway-java/lib/modules");
        }
    }

    @Test
    void aLayerTrainedOnAnotherZip_isRefused_withTheFix(@TempDir Path work) {
        FunctionSpec mismatched = new FunctionSpec("api", HANDLER, zip("postgresql"), layer("mysql"));
        assertThatThrownBy(() -> LocalFunction.deploy(
                        mismatched, Map.of(), work, 1, new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContaining("was trained on another build of blog-api-postgresql.zip")
                .hasMessageContaining("./mvnw package");
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path zip(String engine) {
        return Path.of("target/blog-api-" + engine + ".zip");
    }

    private static Path layer(String engine) {
        return Path.of("target/blog-api-" + engine + "-runtime.zip");
    }

    private static String event(String method, String path, String body) {
        return "{\"version\":\"2.0\",\"routeKey\":\"" + method + " " + path + "\",\"rawPath\":\"" + path
                + "\",\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"requestId\":\"it\",\"http\":{\"method\":\"" + method + "\",\"path\":\""
                + path + "\"},\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"it\"}}}},\"isBase64Encoded\":false"
                + (body == null ? "" : ",\"body\":" + quote(body)) + "}";
    }
}
