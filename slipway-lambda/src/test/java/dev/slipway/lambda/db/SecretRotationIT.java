package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.testing.RestartableDatabase;
import dev.slipway.testing.SecretsManagerStandIn;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A real password rotation as a deployed function meets it, on both engines: the secret is read through the
 * Parameters and Secrets extension (an HTTP stand-in that, like the extension within its TTL, keeps answering the
 * value it cached: the old password), and Secrets Manager (a stand-in that checks SigV4 as AWS does) holds the new
 * one. The user's password changes on the server while the function holds a connection; once that connection ends,
 * the reconnect with the cached password is refused, and the retry must go past the extension to Secrets Manager,
 * within the same request, or it fails for as long as the cache lives.
 */
class SecretRotationIT {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blog-db-AbCdEf";

    /** A server that checks passwords, and the SQL each engine rotates with. */
    private interface PasswordServer extends AutoCloseable {
        String engine();

        String url();

        String database();

        Connection admin() throws Exception;

        String createUser(String user, String password);

        String grant(String user);

        String setPassword(String user, String password);

        String kill(long connectionId);

        String dropUser(String user);

        String connectionId();
    }

    static Stream<String> engines() {
        return Stream.of("postgresql", "mysql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void afterARealRotation_whileTheExtensionStillCachesTheOldPassword_theRefusedReconnectReadsSecretsManager(
            String engine) throws Exception {
        try (PasswordServer server = engine.equals("postgresql") ? postgres() : mysql();
                SecretsManagerStandIn secretsManager = new SecretsManagerStandIn(
                        AwsSessionCredentialsIdentity.create("ASIAFUNCTION", "function/secret", "session-token"),
                        "eu-west-1")) {
            String user = "rot_" + Long.toHexString(System.nanoTime()).substring(0, 8);
            URI address = URI.create(server.url().substring("jdbc:".length()));
            java.util.function.Function<String, String> secretWith = password -> "{\"engine\":\"" + server.engine()
                    + "\",\"host\":\"" + address.getHost() + "\",\"port\":" + address.getPort() + ",\"username\":\""
                    + user + "\",\"password\":\"" + password + "\",\"dbname\":\"" + server.database() + "\"}";
            secretsManager.put(ARN, secretWith.apply("old-Pa55"));
            AtomicInteger extensionReads = new AtomicInteger();
            HttpServer extension = cachingExtension(secretWith.apply("old-Pa55"), extensionReads);
            try (Connection admin = server.admin();
                    Statement s = admin.createStatement()) {
                s.execute(server.createUser(user, "old-Pa55"));
                s.execute(server.grant(user));
            }
            Map<String, String> env = Map.of(
                    "SLIPWAY_DB_SECRET_ARN", ARN,
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "ASIAFUNCTION",
                    "AWS_SECRET_ACCESS_KEY", "function/secret",
                    "AWS_SESSION_TOKEN", "session-token",
                    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                            String.valueOf(extension.getAddress().getPort()),
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                            secretsManager.endpoint().toString());
            try (LambdaDatabase database = LambdaDatabase.fromEnvironment(env)) {
                assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
                assertThat(extensionReads.get()).isEqualTo(1);
                assertThat(secretsManager.reads())
                        .as("the first read comes from the extension")
                        .isZero();
                long connectionId = database.dsl().fetchValue(DSL.field(server.connectionId(), Long.class));

                try (Connection admin = server.admin();
                        Statement s = admin.createStatement()) {
                    s.execute(server.setPassword(user, "new-Pa55")); // the rotation
                    secretsManager.put(ARN, secretWith.apply("new-Pa55"));
                    s.execute(server.kill(connectionId)); // the old session ends (a restart, an idle timeout)
                }

                assertThat(database.dsl().fetchValue(DSL.inline(2))).isEqualTo(2);
                assertThat(secretsManager.reads())
                        .as("read once, past the extension's cache")
                        .isEqualTo(1);
                assertThat(extensionReads.get()).isEqualTo(1);
                assertThat(database.connectCount()).isEqualTo(2);
            } finally {
                extension.stop(0);
                try (Connection admin = server.admin();
                        Statement s = admin.createStatement()) {
                    s.execute(server.dropUser(user));
                }
            }
        }
    }

    /** Answers every read with the value it cached first, as the extension does within its TTL. */
    private static HttpServer cachingExtension(String cachedSecret, AtomicInteger reads) throws Exception {
        String body = "{\"SecretString\":" + new ObjectMapper().writeValueAsString(cachedSecret) + "}";
        HttpServer extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        extension.createContext("/secretsmanager/get", exchange -> {
            try (exchange) {
                boolean token =
                        "session-token".equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
                byte[] answer = (token ? body : "{\"error\":\"bad session token or header key\"}")
                        .getBytes(StandardCharsets.UTF_8);
                if (token) reads.incrementAndGet();
                exchange.sendResponseHeaders(token ? 200 : 401, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        extension.start();
        return extension;
    }

    /** MariaDB here checks passwords for every user. */
    private static PasswordServer mysql() {
        TestDatabase db = TestServers.mysql().createDatabase();
        return new PasswordServer() {
            public String engine() {
                return "mysql";
            }

            public String url() {
                return db.url();
            }

            public String database() {
                return db.name();
            }

            public Connection admin() throws Exception {
                return db.connect();
            }

            public String createUser(String user, String password) {
                return "create user '" + user + "'@'%' identified by '" + password + "'";
            }

            public String grant(String user) {
                return "grant all on `" + db.name() + "`.* to '" + user + "'@'%'";
            }

            public String setPassword(String user, String password) {
                return "alter user '" + user + "'@'%' identified by '" + password + "'";
            }

            public String kill(long connectionId) {
                return "kill " + connectionId;
            }

            public String dropUser(String user) {
                return "drop user '" + user + "'@'%'";
            }

            public String connectionId() {
                return "connection_id()";
            }

            public void close() {
                db.close();
            }
        };
    }

    /** An embedded PostgreSQL of this test's own, made to check passwords (the shared one trusts loopback). */
    private static PasswordServer postgres() throws Exception {
        RestartableDatabase db = RestartableDatabase.postgres();
        db.requirePasswords();
        return new PasswordServer() {
            public String engine() {
                return "postgres";
            }

            public String url() {
                return db.url();
            }

            public String database() {
                return "postgres";
            }

            public Connection admin() throws Exception {
                return db.connect();
            }

            public String createUser(String user, String password) {
                return "create role " + user + " login password '" + password + "'";
            }

            public String grant(String user) {
                return "grant connect on database postgres to " + user;
            }

            public String setPassword(String user, String password) {
                return "alter role " + user + " password '" + password + "'";
            }

            public String kill(long connectionId) {
                return "select pg_terminate_backend(" + connectionId + ")";
            }

            public String dropUser(String user) {
                return "revoke connect on database postgres from " + user + "; drop role " + user;
            }

            public String connectionId() {
                return "pg_backend_pid()";
            }

            public void close() throws Exception {
                db.close();
            }
        };
    }
}
