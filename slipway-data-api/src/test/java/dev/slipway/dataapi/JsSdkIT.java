package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A second, independent client: the AWS SDK for JavaScript v3 ({@code @aws-sdk/client-rds-data}, pinned in
 * src/test/js), unmodified but for the endpoint, runs a CRUD workload with a rollback and a commit through the
 * proxy on both engines. Needs Node.js and {@code npm ci} in src/test/js (.ci/run does it); skipped, with the
 * reason, where either is missing.
 */
class JsSdkIT {

    private static final Path SCRIPT_DIR = Path.of("src/test/js");

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theJavaScriptSdk_runsCrudWithTransactions_throughTheProxy(TestServer server) throws Exception {
        assumeTrue(
                Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@aws-sdk/client-rds-data")),
                "run 'npm ci' in slipway-data-api/src/test/js (needs Node.js) to include the JavaScript SDK check");
        assumeTrue(nodeRuns(), "Node.js ('node') is not on PATH; the JavaScript SDK check needs it");
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy =
                        DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0))) {
            Process node = new ProcessBuilder(
                            "node", "crud.mjs", proxy.endpoint().toString(), db.name(), server.engine())
                    .directory(SCRIPT_DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            String json =
                    output.lines().filter(l -> l.startsWith("[")).findFirst().orElseThrow();
            JsonNode rows = new ObjectMapper().readTree(json);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("id").asLong()).isEqualTo(2);
            assertThat(rows.get(0).get("title").asText()).isEqualTo("Renamed");
            assertThat(rows.get(0).get("price").asText()).isEqualTo("29.50");
            assertThat(rows.get(0).get("added").asText()).isEqualTo("2040-01-02 03:04:05.123");
            assertThat(rows.get(1).get("id").asLong())
                    .as("the rolled back delete")
                    .isEqualTo(3);
        }
    }
}
