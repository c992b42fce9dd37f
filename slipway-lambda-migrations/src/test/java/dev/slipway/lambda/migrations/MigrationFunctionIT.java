package dev.slipway.lambda.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.testing.SecretsManagerStandIn;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestLambdaContext;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class MigrationFunctionIT {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @BeforeEach
    void blogMigrations() throws IOException {
        BlogMigrations.init(dir);
        env.put("SLIPWAY_MIGRATIONS", "filesystem:" + dir.resolve("migrations"));
    }

    private void useDatabase(TestDatabase db) {
        env.put("SLIPWAY_URL", db.url());
        env.put("SLIPWAY_USER", db.user());
        env.put("SLIPWAY_PASSWORD", db.password());
    }

    private JsonNode invoke(String json, int remainingMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MigrationFunction(env, UrlConnectionHttpClient.create())
                .handleRequest(new ByteArrayInputStream(json.getBytes()), out, new TestLambdaContext(remainingMillis));
        return MigrationFunction.JSON.readTree(out.toByteArray());
    }

    private static String event(String name) throws IOException {
        try (InputStream in = MigrationFunctionIT.class.getResourceAsStream("/events/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes());
        }
    }

    private static String withResponseUrl(String json, String url) throws IOException {
        ObjectNode node = (ObjectNode) MigrationFunction.JSON.readTree(json);
        node.put("ResponseURL", url);
        return node.toString();
    }

    @Test
    void fixtures_areValidCloudFormationEvents() {
        CloudFormationCustomResourceEvent create =
                EventLoader.loadCloudFormationCustomResourceEvent("events/cfn-create.json");
        assertThat(create.getRequestType()).isEqualTo("Create");
        assertThat(create.getResourceProperties()).containsKey("SchemaHash");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void providerFramework_createDeploys_updateFindsNothing_deleteKeepsTheSchema(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            useDatabase(db);

            JsonNode created = invoke(event("cfn-create.json"), 60_000);
            assertThat(created.get("PhysicalResourceId").asText()).isEqualTo("slipway-migrations-Migrations");
            assertThat(created.at("/Data/CurrentVersion").asText()).isEqualTo("1");
            assertThat(created.at("/Data/AppliedVersions").asText()).isEqualTo("1");

            JsonNode updated = invoke(event("cfn-update.json"), 60_000);
            assertThat(updated.at("/Data/AppliedCount").asText()).isEqualTo("0");
            assertThat(updated.get("PhysicalResourceId").asText()).isEqualTo("slipway-migrations-Migrations");

            JsonNode deleted = invoke(event("cfn-delete.json"), 60_000);
            assertThat(deleted.get("PhysicalResourceId").asText()).isEqualTo("slipway-migrations-Migrations");
            assertThat(tableExists(db, "author")).isTrue();
        }
    }

    @Test
    void providerFramework_failure_surfacesTheReasonAsTheFunctionError() throws Exception {
        env.put("SLIPWAY_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/app");
        env.put("SLIPWAY_USER", "app");

        assertThatThrownBy(() -> invoke(event("cfn-create.json"), 12_000))
                .hasMessageContaining("did not accept connections within 2 s");
    }

    @Test
    void rawCustomResource_putsSuccessWithData_toTheResponseUrl() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase();
                LocalHttp cloudFormation = new LocalHttp(r -> "")) {
            useDatabase(db);

            invoke(withResponseUrl(event("cfn-create.json"), cloudFormation.url("/cfn-response?sig=abc")), 60_000);

            assertThat(cloudFormation.received).singleElement().satisfies(put -> {
                assertThat(put.method()).isEqualTo("PUT");
                assertThat(put.query()).isEqualTo("sig=abc");
                JsonNode body = MigrationFunction.JSON.readTree(put.body());
                assertThat(body.get("Status").asText()).isEqualTo("SUCCESS");
                assertThat(body.get("PhysicalResourceId").asText()).isEqualTo("slipway-migrations-Migrations");
                assertThat(body.get("LogicalResourceId").asText()).isEqualTo("Migrations");
                assertThat(body.at("/Data/CurrentVersion").asText()).isEqualTo("1");
            });
        }
    }

    @Test
    void rawCustomResource_putsFailedWithTheReason_whenTheDatabaseNeverWakes() throws Exception {
        env.put("SLIPWAY_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/app");
        env.put("SLIPWAY_USER", "app");
        try (LocalHttp cloudFormation = new LocalHttp(r -> "")) {
            long start = System.nanoTime();
            invoke(withResponseUrl(event("cfn-update.json"), cloudFormation.url("/cfn")), 13_000);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;

            JsonNode body = MigrationFunction.JSON.readTree(
                    cloudFormation.received.get(0).body());
            assertThat(body.get("Status").asText()).isEqualTo("FAILED");
            assertThat(body.get("Reason").asText()).contains("did not accept connections within 3 s");
            assertThat(body.get("PhysicalResourceId").asText()).isEqualTo("slipway-migrations-Migrations");
            assertThat(seconds)
                    .as("answers within the remaining time minus the margin")
                    .isLessThan(13);
        }
    }

    @Test
    void rawCustomResource_delete_answersSuccess_withoutConnecting() throws Exception {
        env.put("SLIPWAY_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/app");
        try (LocalHttp cloudFormation = new LocalHttp(r -> "")) {
            invoke(withResponseUrl(event("cfn-delete.json"), cloudFormation.url("/cfn")), 60_000);

            JsonNode body = MigrationFunction.JSON.readTree(
                    cloudFormation.received.get(0).body());
            assertThat(body.get("Status").asText()).isEqualTo("SUCCESS");
        }
    }

    @Test
    void directCommands_deployAndStatus_andResetOnlyWhenAllowed() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            useDatabase(db);

            assertThat(invoke("{\"command\":\"status\"}", 60_000).get("pending").toString())
                    .isEqualTo("[\"1\"]");
            assertThat(invoke("{\"command\":\"deploy\"}", 60_000)
                            .get("CurrentVersion")
                            .asText())
                    .isEqualTo("1");
            assertThat(invoke("{\"command\":\"status\"}", 60_000)
                            .get("upToDate")
                            .asBoolean())
                    .isTrue();
            assertThatThrownBy(() -> invoke("{\"command\":\"reset\"}", 60_000))
                    .hasMessageContaining("SLIPWAY_ALLOW_RESET=true");
            assertThat(tableExists(db, "author")).isTrue();

            env.put("SLIPWAY_ALLOW_RESET", "true");
            assertThat(invoke("{\"command\":\"reset\"}", 60_000)
                            .get("AppliedVersions")
                            .asText())
                    .isEqualTo("1");
            assertThatThrownBy(() -> invoke("{\"command\":\"drop\"}", 60_000))
                    .hasMessageContaining("Unknown command 'drop'");
        }
    }

    @Test
    void secret_isReadThroughTheExtension_andFromSecretsManagerOnceWhenTheDatabaseRefusesIt() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase();
                SecretsManagerStandIn secretsManager = new SecretsManagerStandIn(
                        AwsSessionCredentialsIdentity.create("ASIAFUNCTION", "function/secret", "session-token"),
                        "eu-west-1")) {
            // GIVEN an extension whose cache still holds a stale password (the secret was rotated since), while
            // Secrets Manager holds the current one
            String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blog-db";
            String host = db.url().replaceAll("jdbc:mariadb://([^:/]+):(\\d+)/.*", "$1");
            String port = db.url().replaceAll("jdbc:mariadb://([^:/]+):(\\d+)/.*", "$2");
            String good = "{\"username\":\"" + db.user() + "\",\"password\":\"" + db.password() + "\",\"host\":\""
                    + host + "\",\"port\":" + port + ",\"dbname\":\"" + db.name() + "\",\"engine\":\"mysql\"}";
            String stale = good.replace("\"password\":\"" + db.password() + "\"", "\"password\":\"stale\"");
            secretsManager.put(arn, good);
            try (LocalHttp extension = new LocalHttp(
                    r -> "{\"Name\":\"blog\",\"SecretString\":" + MigrationFunction.JSON.valueToTree(stale) + "}")) {
                env.put("SLIPWAY_DB_SECRET_ARN", arn);
                env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.port()));
                env.put("AWS_SESSION_TOKEN", "session-token");
                env.put("AWS_ACCESS_KEY_ID", "ASIAFUNCTION");
                env.put("AWS_SECRET_ACCESS_KEY", "function/secret");
                env.put("AWS_REGION", "eu-west-1");
                env.put(
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                        secretsManager.endpoint().toString());

                JsonNode result = invoke("{\"command\":\"deploy\"}", 60_000);

                assertThat(result.get("CurrentVersion").asText()).isEqualTo("1");
                assertThat(extension.received).hasSize(1).allSatisfy(r -> {
                    assertThat(r.path()).isEqualTo("/secretsmanager/get");
                    assertThat(r.query()).isEqualTo("secretId=" + arn);
                    assertThat(r.token()).isEqualTo("session-token");
                });
                assertThat(secretsManager.reads()).isEqualTo(1);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean tableExists(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
            return rs.next();
        }
    }
}
