package dev.slipway.examples.blog.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import dev.slipway.testing.UnpackedImage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;

/**
 * deploy/compose.yaml's chain run from its own settings, without Docker (images unpacked and started in their own
 * namespaces, as {@link UnpackedImage} does): the migration task's image with the {@code migrations} service's
 * environment migrates a real PostgreSQL and exits 0; then the proxy's image with the {@code data-api} service's
 * environment and the certificate the file's header makes with openssl, answers its own health check (the file's
 * {@code healthcheck} command) and serves the unmodified AWS SDK over TLS with the key from .env, refusing another.
 *
 * <p>What differs from {@code docker compose up}, and why: the database is this machine's (its address replaces the
 * {@code database} service's; its role {@code blog} is made here), the proxy listens on a free port instead of 8443
 * (the host's network is shared here, so 8443 may be taken), and the secrets are copied to /run/secrets in the image's
 * root, where Compose mounts them.
 */
@EnabledIfSystemProperty(
        named = "slipway.task.image.tar",
        matches = ".+",
        disabledReason = "builds with -Pcontainer-image only")
class ComposeImagesIT {

    private static final Map<String, String> DOT_ENV =
            Map.of("DATABASE_PASSWORD", "trusted-locally", "DATA_API_KEY", "compose-key-1234567890");

    @TempDir
    Path work;

    @Test
    void theComposeChain_migratesThenServesTheAwsSdk_overTls_withTheComposeFilesSettings() throws Exception {
        Path proxyTar = Paths.get(System.getProperty("slipway.data-api.image.tar", "missing"));
        assertThat(proxyTar)
                .as("the proxy's image: ./mvnw -pl slipway-data-api -Pcontainer-image package -DskipTests")
                .isRegularFile();
        UnpackedImage migrations =
                UnpackedImage.unpack(Paths.get(System.getProperty("slipway.task.image.tar")), work.resolve("m"));
        UnpackedImage proxy = UnpackedImage.unpack(proxyTar, work.resolve("p"));
        JsonNode compose = DeployFile.compose();
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            ownedByBlog(db);
            Map<String, String> task = onThisMachine(DeployFile.environment(compose, "migrations", DOT_ENV), db);
            Path taskLog = work.resolve("migrations.log");
            Process migrate =
                    migrations.entryPoint(task).redirectOutput(taskLog.toFile()).start();
            assertThat(migrate.waitFor(180, TimeUnit.SECONDS))
                    .as("the migrations end")
                    .isTrue();
            assertThat(migrate.exitValue()).as(Files.readString(taskLog)).isZero();

            Path secrets = Files.createDirectories(proxy.rootfs().resolve("run/secrets"));
            certificate(secrets.resolve("data-api-cert"), secrets.resolve("data-api-key"));
            int port = freePort();
            Map<String, String> env = onThisMachine(DeployFile.environment(compose, "data-api", DOT_ENV), db);
            assertThat(env).containsEntry("SLIPWAY_DATA_API_PORT", "8443");
            env.put("SLIPWAY_DATA_API_PORT", Integer.toString(port));
            Path log = work.resolve("data-api.log");
            Process server = proxy.entryPoint(env).redirectOutput(log.toFile()).start();
            try {
                awaitHealthy(proxy, compose, env, server, log);
                String resource = env.get("SLIPWAY_DATA_API_TARGET_BLOG_RESOURCE_ARN");
                String secret = env.get("SLIPWAY_DATA_API_TARGET_BLOG_SECRET_ARN");
                URI endpoint = URI.create("https://localhost:" + port);
                try (RdsDataClient rds =
                        client(endpoint, secrets.resolve("data-api-cert"), DOT_ENV.get("DATA_API_KEY"))) {
                    long authors = rds.executeStatement(r ->
                                    r.resourceArn(resource).secretArn(secret).sql("select count(*) from author"))
                            .records()
                            .get(0)
                            .get(0)
                            .longValue();
                    assertThat(authors)
                            .as("the table the migrations made, through the proxy")
                            .isZero();
                }
                try (RdsDataClient wrongKey = client(endpoint, secrets.resolve("data-api-cert"), "not-the-key")) {
                    assertThatThrownBy(() -> wrongKey.executeStatement(r ->
                                    r.resourceArn(resource).secretArn(secret).sql("select 1")))
                            .isInstanceOfSatisfying(
                                    RdsDataException.class,
                                    e -> assertThat(e.statusCode()).isEqualTo(403));
                }
            } finally {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    /** The compose file's addresses with this machine's database in place of the {@code database} service. */
    private static Map<String, String> onThisMachine(Map<String, String> env, TestDatabase db) {
        URI address = URI.create(db.url().substring("jdbc:".length()));
        String here = "//" + address.getHost() + ":" + address.getPort() + "/" + db.name();
        Map<String, String> moved = new HashMap<>();
        env.forEach((k, v) -> moved.put(k, v.replace("//database:5432/blog", here)));
        return moved;
    }

    /** The compose file's user, blog, owning the test database (this PostgreSQL trusts loopback logins). */
    private static void ownedByBlog(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("do $$ begin create role blog login; exception when duplicate_object then null; end $$");
            s.execute("alter database \"" + db.name() + "\" owner to blog");
            s.execute("alter schema public owner to blog");
        }
    }

    /** The command of compose.yaml's header, so that what it tells a user to run is what is tested. */
    private static void certificate(Path cert, Path key) throws Exception {
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "365",
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost,DNS:data-api",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as("openssl: " + output).isZero();
        for (Path pem : List.of(cert, key)) {
            Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r--r--")); // chmod 644, as told
        }
    }

    /** Runs the compose file's health check command in the image until it passes. */
    private static void awaitHealthy(
            UnpackedImage image, JsonNode compose, Map<String, String> env, Process server, Path log) throws Exception {
        List<String> test = new ArrayList<>();
        compose.path("services")
                .path("data-api")
                .path("healthcheck")
                .path("test")
                .forEach(a -> test.add(a.asText()));
        assertThat(test.get(0)).isEqualTo("CMD");
        List<String> command = test.subList(1, test.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the proxy ended (" + server.exitValue() + "): " + Files.readString(log));
            }
            Process check = image.command(command, env).start();
            last = new String(check.getInputStream().readAllBytes());
            if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) return;
            Thread.sleep(500);
        }
        throw new AssertionError("the health check never passed: " + last + "\n" + Files.readString(log));
    }

    private static RdsDataClient client(URI endpoint, Path certificate, String apiKey) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trust.setCertificateEntry(
                    "proxy", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return RdsDataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                // signed with any key: the proxy looks at x-api-key first, as the README's data proxy section says
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("unused", "unused")))
                .overrideConfiguration(o -> o.putHeader("x-api-key", apiKey))
                .httpClient(UrlConnectionHttpClient.builder()
                        .tlsTrustManagersProvider(factory::getTrustManagers)
                        .build())
                .build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
