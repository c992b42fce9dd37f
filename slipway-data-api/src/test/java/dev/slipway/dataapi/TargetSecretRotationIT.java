package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.RestartableDatabase;
import dev.slipway.testing.SecretsManagerStandIn;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * A target configured by its ARNs alone, as SlipwayDataApiService deploys it: the proxy reads the RDS secret from
 * Secrets Manager (a stand-in that checks SigV4 as AWS does, reached by the proxy's own client) and, after a real
 * password rotation on a server that checks passwords, reads it again when the database refuses the old login,
 * without a restart: before its pool exists (its first connection) and after (a pooled session ended, HikariCP's next
 * connection). The unmodified AWS SDK is the client.
 */
class TargetSecretRotationIT {

    private static final String CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:blog";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:blog-db-AbCdEf";
    private static final String KEY_ID = "AKIDROTATION";
    private static final String KEY_SECRET = "rotation/secret";

    /** A database server that checks passwords, and how it rotates one. */
    private record PasswordServer(
            String engine, String host, int port, String database, Admin admin, AutoCloseable owner)
            implements AutoCloseable {

        interface Admin {
            Connection connect() throws SQLException;
        }

        boolean postgres() {
            return engine.equals("postgres");
        }

        void sql(String... statements) throws SQLException {
            try (Connection c = admin.connect();
                    Statement s = c.createStatement()) {
                for (String sql : statements) s.execute(sql);
            }
        }

        void createUser(String user, String password) throws SQLException {
            if (postgres()) sql("create role " + user + " login password '" + password + "'");
            else
                sql(
                        "create user '" + user + "'@'%' identified by '" + password + "'",
                        "grant all on `" + database + "`.* to '" + user + "'@'%'");
        }

        void setPassword(String user, String password) throws SQLException {
            sql(
                    postgres()
                            ? "alter role " + user + " password '" + password + "'"
                            : "alter user '" + user + "'@'%' identified by '" + password + "'");
        }

        /** Ends every session of {@code user}, as a server restart or an idle timeout would. */
        void endSessions(String user) throws SQLException {
            if (postgres()) {
                sql("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + user + "'");
                return;
            }
            try (Connection c = admin.connect();
                    Statement s = c.createStatement();
                    var ids = s.executeQuery(
                            "select id from information_schema.processlist where user = '" + user + "'")) {
                List<Long> found = new java.util.ArrayList<>();
                while (ids.next()) found.add(ids.getLong(1));
                for (long id : found) sql("kill " + id);
            }
        }

        String secret(String user, String password) {
            return "{\"engine\":\"" + engine + "\",\"host\":\"" + host + "\",\"port\":" + port + ",\"username\":\""
                    + user + "\",\"password\":\"" + password + "\",\"dbname\":\"" + database + "\"}";
        }

        @Override
        public void close() throws Exception {
            owner.close();
        }
    }

    static Stream<Arguments> enginesAndMoments() {
        return Stream.of("postgresql", "mysql")
                .flatMap(e -> Stream.of(Arguments.of(e, "before its pool"), Arguments.of(e, "with a pool")));
    }

    @ParameterizedTest(name = "{0}, rotated {1}")
    @MethodSource("enginesAndMoments")
    void aRotatedPassword_isReadFromTheSecretAgain_whenTheDatabaseRefusesTheOldOne(String engine, String moment)
            throws Exception {
        try (PasswordServer server = engine.equals("postgresql") ? postgres() : mysql();
                SecretsManagerStandIn secretsManager = new SecretsManagerStandIn(
                        AwsCredentialsIdentity.create("AKIDPROXYTASK", "task/secret"), "eu-west-1")) {
            String user = "rot_" + Long.toHexString(System.nanoTime()).substring(0, 8);
            server.createUser(user, "old-Pa55");
            secretsManager.put(SECRET, server.secret(user, "old-Pa55"));
            Map<String, String> settings = Map.of(
                    "slipway.data-api.port",
                    "0",
                    "slipway.data-api.target.main.resource-arn",
                    CLUSTER,
                    "slipway.data-api.target.main.secret-arn",
                    SECRET,
                    "slipway.data-api.access-keys",
                    KEY_ID + ":" + KEY_SECRET);
            // the proxy's own environment, as an ECS task's role would give it
            SecretReader reader = SecretReader.fromEnvironment(Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIDPROXYTASK",
                    "AWS_SECRET_ACCESS_KEY", "task/secret",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                            secretsManager.endpoint().toString()));

            try (DataApiServer proxy = DataApiServer.start(DataApiConfig.fromSettings(settings, reader));
                    RdsDataClient rds = RdsDataClientIT.client(proxy.endpoint(), KEY_ID, KEY_SECRET)) {
                assertThat(secretsManager.reads())
                        .as("read once at start, for the target's address")
                        .isEqualTo(1);
                if (moment.equals("with a pool")) {
                    assertThat(currentUser(rds)).isEqualTo(user);
                }

                server.setPassword(user, "new-Pa55"); // the rotation, as Secrets Manager's rotation function does it
                secretsManager.put(SECRET, server.secret(user, "new-Pa55"));
                server.endSessions(user);

                assertThat(currentUser(rds)).isEqualTo(user);
                assertThat(secretsManager.reads())
                        .as("read again after the refused login, once")
                        .isEqualTo(2);
                assertThat(currentUser(rds)).isEqualTo(user);
                assertThat(secretsManager.reads()).isEqualTo(2);
            } finally {
                server.endSessions(user);
            }
        }
    }

    private static String currentUser(RdsDataClient rds) {
        String who = rds.executeStatement(
                        r -> r.resourceArn(CLUSTER).secretArn(SECRET).sql("select current_user"))
                .records()
                .get(0)
                .get(0)
                .stringValue();
        return who.replaceAll("@.*", "");
    }

    /** MariaDB here checks passwords for every user. */
    private static PasswordServer mysql() {
        TestDatabase db = TestServers.mysql().createDatabase();
        URI address = URI.create(db.url().substring("jdbc:".length()));
        return new PasswordServer("mysql", address.getHost(), address.getPort(), db.name(), db::connect, db::close);
    }

    /** An embedded PostgreSQL of this test's own, made to check passwords (the shared one trusts loopback). */
    private static PasswordServer postgres() throws Exception {
        RestartableDatabase db = RestartableDatabase.postgres();
        db.requirePasswords();
        URI address = URI.create(db.url().substring("jdbc:".length()));
        return new PasswordServer("postgres", address.getHost(), address.getPort(), "postgres", db::connect, db::close);
    }
}
