package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.local.layer.Outcome;
import dev.slipway.local.stack.FunctionSpec;
import dev.slipway.local.stack.LocalFunction;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many containers of one function starting at once, cold, as a burst of requests makes Lambda start them: every
 * request is answered by the function (one 201 and the rest 409 for one email), no container dies at start, each has
 * a temporary directory of its own while it runs and none is left afterwards, and AWS's runtime interface client no
 * longer writes {@code /tmp/.libaws-lambda-jni.so} (which concurrent containers rewrote under each other: SIGBUS and a
 * 502, issue 27, about once in four bursts of 12). {@value #BURSTS} bursts of {@value #CONTAINERS} on the custom
 * runtime layer, and one on the managed runtime's path.
 */
@EnabledForJreRange(min = JRE.JAVA_25) // the build makes the layers on JDK 25
class ConcurrentColdStartIT {

    static final int CONTAINERS = 12;
    static final int BURSTS = 8;
    private static final Path SHARED_JNI = Path.of("/tmp/.libaws-lambda-jni.so");

    @ParameterizedTest
    @ValueSource(strings = {"custom runtime layer", "managed runtime"})
    void aBurstOfColdContainers_answersEveryRequest_eachWithATmpOfItsOwn(String runtime, @TempDir Path work)
            throws Exception {
        boolean layer = runtime.startsWith("custom");
        FunctionSpec spec = new FunctionSpec(
                "api",
                "dev.slipway.examples.blog.api.BlogApi::handleRequest",
                Path.of("target/blog-api-postgresql.zip"),
                layer ? Path.of("target/blog-api-postgresql-runtime.zip") : null);
        FileTime jniBefore = modified(SHARED_JNI);
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            BlogSchema.migrate(db);
            Map<String, String> env =
                    Map.of("SLIPWAY_URL", db.url(), "SLIPWAY_USER", db.user(), "SLIPWAY_PASSWORD", db.password());
            for (int burst = 0; burst < (layer ? BURSTS : 1); burst++) {
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                List<Path> earlier = containerTmps(); // left by other runs, if any
                List<Outcome> outcomes;
                try (LocalFunction api = LocalFunction.deploy(
                        spec, env, work, CONTAINERS, new PrintStream(log, true, StandardCharsets.UTF_8))) {
                    outcomes = burst(api, "burst" + burst + "@example.com");
                    assertThat(containerTmps())
                            .as("a temporary directory for each container")
                            .hasSize(earlier.size() + CONTAINERS);
                }
                String output = log.toString(StandardCharsets.UTF_8);
                assertThat(output).as("burst " + burst).doesNotContain("SIGBUS", "Problematic frame", "hs_err");
                List<String> statuses = new ArrayList<>();
                for (Outcome o : outcomes) {
                    assertThat(o.error()).as("burst " + burst + ": " + output).isNull();
                    statuses.add(o.payload().replaceAll("(?s).*\"statusCode\":(\\d+).*", "$1"));
                }
                assertThat(statuses)
                        .as("burst " + burst)
                        .containsOnly("201", "409")
                        .containsOnlyOnce("201");
                assertThat(containerTmps())
                        .as("each container's directory is gone with it")
                        .containsExactlyInAnyOrderElementsOf(earlier);
            }
        }
        if (layer) {
            assertThat(modified(SHARED_JNI))
                    .as("the runtime client loads its library from the layer, not from a shared /tmp")
                    .isEqualTo(jniBefore);
        }
    }

    private static List<Outcome> burst(LocalFunction api, String email) throws Exception {
        String event = "{\"version\":\"2.0\",\"routeKey\":\"POST /authors\",\"rawPath\":\"/authors\","
                + "\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"requestId\":\"it\",\"http\":{\"method\":\"POST\",\"path\":\"/authors\"},"
                + "\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"it\"}}}},"
                + "\"isBase64Encoded\":false,\"body\":\"{\\\"email\\\":\\\"" + email
                + "\\\",\\\"name\\\":\\\"A\\\"}\"}";
        List<Future<Outcome>> futures = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONTAINERS; i++)
                futures.add(callers.submit(() -> api.invoke(event, Duration.ofSeconds(90))));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) outcomes.add(f.get());
        return outcomes;
    }

    private static List<Path> containerTmps() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("slipway-api-tmp-"))
                    .toList();
        }
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    }
}
