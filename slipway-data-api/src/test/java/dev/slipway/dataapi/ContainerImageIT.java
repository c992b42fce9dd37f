package dev.slipway.dataapi;

import static dev.slipway.dataapi.RdsDataClientIT.CLUSTER;
import static dev.slipway.dataapi.RdsDataClientIT.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.UnpackedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * Runs the image the {@code container-image} profile builds, as a container host would, without Docker: the
 * layers of the Jib tarball unpacked in order into one root, its config's entry point, environment and user, in a
 * new PID and mount namespace with its own /proc and the usual devices ({@code unshare}, then {@code chroot}). The network is the host's,
 * so the proxy in the image reaches the test database on 127.0.0.1, and the AWS SDK reaches the proxy.
 */
@EnabledIfSystemProperty(
        named = "slipway.image.tar",
        matches = ".+",
        disabledReason = "builds with -Pcontainer-image only")
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "AKIDIMAGETEST";
    private static final String KEY_SECRET = "image/secret+key";

    @TempDir
    static Path root;

    private static UnpackedImage image;
    private static JsonNode config;

    @BeforeAll
    static void unpackTheImage() throws Exception {
        image = UnpackedImage.unpack(Paths.get(System.getProperty("slipway.image.tar")), root);
        config = image.config();
    }

    static List<TestServer> servers() {
        return RdsDataClientIT.servers().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theImage_servesSignedSdkRequests_onItsPort_asANonRootUser_andStopsOnSigterm(TestServer server)
            throws Exception {
        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        try (TestDatabase db = server.createDatabase()) {
            int port = freePort();
            Path log = root.resolve("proxy-" + db.engine() + ".log");
            Process proxy = start(db, port, log);
            try {
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                awaitHealthy(endpoint, proxy, log);
                try (RdsDataClient rds = RdsDataClientIT.client(endpoint, KEY_ID, KEY_SECRET)) {
                    rds.executeStatement(r -> r.resourceArn(CLUSTER)
                            .secretArn(SECRET)
                            .sql("create table notes (id int primary key, body varchar(40))"));
                    String tx = rds.beginTransaction(r -> r.resourceArn(CLUSTER).secretArn(SECRET))
                            .transactionId();
                    rds.executeStatement(r -> r.resourceArn(CLUSTER)
                            .secretArn(SECRET)
                            .transactionId(tx)
                            .sql("insert into notes values (:id, :body)")
                            .parameters(
                                    SqlParameter.builder()
                                            .name("id")
                                            .value(Field.fromLongValue(1L))
                                            .build(),
                                    SqlParameter.builder()
                                            .name("body")
                                            .value(Field.fromStringValue("from the image"))
                                            .build()));
                    rds.commitTransaction(
                            r -> r.resourceArn(CLUSTER).secretArn(SECRET).transactionId(tx));
                    String body = rds.executeStatement(r ->
                                    r.resourceArn(CLUSTER).secretArn(SECRET).sql("select body from notes where id = 1"))
                            .records()
                            .get(0)
                            .get(0)
                            .stringValue();
                    assertThat(body).isEqualTo("from the image");
                }
                ProcessHandle jvm = containerJvm(proxy);
                assertThat(uidOf(jvm))
                        .as("the uid the JVM runs as")
                        .isEqualTo(UnpackedImage.isRoot() ? "65532" : UnpackedImage.uid());
                // what docker stop does: SIGTERM to the container's first process, here the JVM itself
                assertThat(jvm.destroy()).isTrue();
                assertThat(proxy.waitFor(20, TimeUnit.SECONDS))
                        .as("the container stops within 20 s of SIGTERM: " + Files.readString(log))
                        .isTrue();
            } finally {
                proxy.descendants().forEach(ProcessHandle::destroyForcibly);
                proxy.destroyForcibly();
            }
        }
    }

    /**
     * The environment SlipwayDataApiService gives its ECS task (BlogStackTest checks the task definition has these
     * names): HTTPS with a self-signed certificate (made by the image's keytool), one target by its ARNs alone, whose
     * login the proxy reads from Secrets Manager (a stand-in that checks SigV4) with the task role's keys from the
     * container credentials endpoint (a stand-in requiring its token), and the API key ECS injects.
     */
    @org.junit.jupiter.api.Test
    void theImage_withTheSettingsOfTheEcsTask_readsItsLoginFromSecretsManager_andServesHttpsToTheKey()
            throws Exception {
        String region = "us-east-1";
        var identity = software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity.create(
                "ASIATASKROLE", "task/role/secret", "task-session");
        try (TestDatabase db = dev.slipway.testing.TestServers.postgres().createDatabase();
                dev.slipway.testing.SecretsManagerStandIn secrets =
                        new dev.slipway.testing.SecretsManagerStandIn(identity, region)) {
            java.net.URI address = java.net.URI.create(db.url().substring("jdbc:".length()));
            secrets.put(
                    SECRET,
                    "{\"engine\":\"postgres\",\"host\":\"" + address.getHost() + "\",\"port\":"
                            + address.getPort() + ",\"username\":\"" + db.user() + "\",\"password\":\"\","
                            + "\"dbname\":\"" + db.name() + "\"}");
            dev.slipway.testing.ContainerCredentialsStandIn credentials =
                    new dev.slipway.testing.ContainerCredentialsStandIn(identity, "ecs-token");
            int port = freePort();
            Path log = root.resolve("proxy-ecs.log");
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "SLIPWAY_DATA_API_BIND",
                    "0.0.0.0",
                    "SLIPWAY_DATA_API_PORT",
                    Integer.toString(port),
                    "SLIPWAY_DATA_API_TLS_SELF_SIGNED",
                    "true",
                    "SLIPWAY_DATA_API_MAX_CONNECTIONS",
                    "10",
                    "SLIPWAY_DATA_API_TARGET_MAIN_RESOURCE_ARN",
                    CLUSTER,
                    "SLIPWAY_DATA_API_TARGET_MAIN_SECRET_ARN",
                    SECRET,
                    "SLIPWAY_DATA_API_TARGET_MAIN_DATABASES",
                    db.name(),
                    "SLIPWAY_DATA_API_REGION",
                    region,
                    "AWS_REGION",
                    region,
                    "SLIPWAY_DATA_API_API_KEYS",
                    "task-api-key"));
            env.putAll(credentials.environment());
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
            Process proxy = image.entryPoint(env).redirectOutput(log.toFile()).start();
            try {
                java.net.URI endpoint = java.net.URI.create("https://127.0.0.1:" + port);
                awaitHealthyOverTls(endpoint, proxy, log);
                assertThat(secrets.reads())
                        .as("the login, read by the task itself")
                        .isEqualTo(1);
                String body = postWithKey(
                        endpoint,
                        "task-api-key",
                        "{\"resourceArn\":\"" + CLUSTER + "\",\"secretArn\":\"" + SECRET
                                + "\",\"sql\":\"select current_database()\"}");
                assertThat(body).contains(db.name());
                assertThat(postWithKey(endpoint, "another-key", "{}")).contains("UnrecognizedClientException");
            } finally {
                credentials.close();
                proxy.descendants().forEach(ProcessHandle::destroyForcibly);
                proxy.destroyForcibly();
            }
        }
    }

    /** A Data API call with {@code x-api-key}, trusting whatever certificate the proxy made for itself. */
    private static String postWithKey(java.net.URI endpoint, String key, String json) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trustingAnything()).build();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(endpoint.resolve("/Execute"))
                        .header("x-api-key", key)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static void awaitHealthyOverTls(java.net.URI endpoint, Process proxy, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trustingAnything())
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!proxy.isAlive()) {
                throw new AssertionError(
                        "the image's process ended (" + proxy.exitValue() + "): " + Files.readString(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(endpoint.resolve("/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the image did not answer /health over TLS within 60 s: " + Files.readString(log));
    }

    /** The certificate is the one the image just made for itself; this test checks the path, not its identity. */
    private static javax.net.ssl.SSLContext trustingAnything() throws Exception {
        javax.net.ssl.TrustManager any = new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {any}, null);
        return context;
    }

    private static Process start(TestDatabase db, int port, Path log) throws IOException {
        return image.entryPoint(Map.of(
                        "SLIPWAY_DATA_API_PORT", Integer.toString(port),
                        "SLIPWAY_URL", db.url(),
                        "SLIPWAY_USER", db.user(),
                        "SLIPWAY_PASSWORD", db.password() == null ? "" : db.password(),
                        "SLIPWAY_DATA_API_ACCESS_KEYS", KEY_ID + ":" + KEY_SECRET))
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitHealthy(URI endpoint, Process proxy, Path log) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!proxy.isAlive()) {
                throw new AssertionError(
                        "the image's process ended (" + proxy.exitValue() + "): " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the image did not answer /health within 60 s: " + Files.readString(log));
    }

    /** The container's first process: sh, which exec'd chroot, which exec'd the image's entry point (the JVM). */
    private static ProcessHandle containerJvm(Process unshare) {
        List<ProcessHandle> children = unshare.children().toList();
        assertThat(children).as("unshare's forked child").hasSize(1);
        return children.get(0);
    }

    /** The real uid of a process, from the host's /proc. */
    private static String uidOf(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("Uid:")) return line.split("\\s+")[1];
        }
        throw new AssertionError("no Uid line in /proc/" + process.pid() + "/status");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
