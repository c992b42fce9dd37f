package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import dev.slipway.lambda.snapstart.Priming;
import dev.slipway.lambda.snapstart.SnapStartHooks;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LambdaDatabaseIT {

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    private static DatabaseTarget credentials(TestDatabase db, String password) {
        return DatabaseTarget.of(db.url(), db.user(), password);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void connectAtInit_opensTheConnectionBeforeTheFirstRequest_whichThenReusesIt(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                LambdaDatabase database = LambdaDatabase.fromEnvironment(java.util.Map.of(
                        "SLIPWAY_URL", db.url(),
                        "SLIPWAY_USER", db.user(),
                        "SLIPWAY_PASSWORD", db.password(),
                        "SLIPWAY_CONNECT_AT_INIT", "on"))) {
            // WHEN nothing but init ran, THEN the connection opens on its own
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (database.connectCount() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(database.connectCount()).isEqualTo(1);
            // AND the first request uses it rather than a second one
            assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
            assertThat(database.connectCount()).isEqualTo(1);
        }
    }

    @Test
    void withoutConnectAtInit_nothingIsOpenedBeforeTheFirstRequest() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                LambdaDatabase database = LambdaDatabase.fromEnvironment(java.util.Map.of(
                        "SLIPWAY_URL", db.url(), "SLIPWAY_USER", db.user(), "SLIPWAY_PASSWORD", db.password()))) {
            Thread.sleep(300); // what a background connect to a local server takes, and more
            assertThat(database.connectCount()).isZero();
            assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
            assertThat(database.connectCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void connection_isReused_andReopened_whenTheServerDroppedIt(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                LambdaDatabase database =
                        new LambdaDatabase(new CredentialsProvider(() -> credentials(db, db.password())))) {
            // GIVEN a warm container that served two requests on one connection
            assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
            assertThat(database.dsl().fetchValue(DSL.inline(2))).isEqualTo(2);
            assertThat(database.connectCount()).isEqualTo(1);

            // WHEN the server drops it while the container is frozen
            dropOnTheServer(database, db);

            // THEN the next request validates it, reconnects and succeeds
            assertThat(database.dsl().fetchValue(DSL.inline(3))).isEqualTo(3);
            assertThat(database.connectCount()).isEqualTo(2);
            assertThat(database.credentials().fetchCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void withAnAliveBypass_aConnectionThatJustAnswered_isUsedUnchecked_andOneDroppedInTheWindow_failsOneUseOnly(
            TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                LambdaDatabase database = new LambdaDatabase(
                                new CredentialsProvider(() -> credentials(db, db.password())))
                        .withAliveBypass(java.time.Duration.ofMinutes(1))) {
            dropOnTheServer(database, db);

            // the connection answered a moment ago, so it is used without isValid: the drop shows on this use
            assertThatThrownBy(() -> database.dsl().fetchValue(DSL.inline(2)))
                    .isInstanceOf(org.jooq.exception.DataAccessException.class);
            // the statement that lost it makes the next use validate, reconnect, and succeed
            assertThat(database.dsl().fetchValue(DSL.inline(3))).isEqualTo(3);
            assertThat(database.connectCount()).isEqualTo(2);
        }
    }

    @Test
    void credentials_areFetchedAgainOnce_whenTheDatabaseRefusesThem() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            Deque<String> passwords = new ArrayDeque<>(java.util.List.of("rotated-away", db.password()));
            CredentialsProvider provider = new CredentialsProvider(() -> credentials(db, passwords.pop()));
            try (LambdaDatabase database = new LambdaDatabase(provider)) {
                assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
                assertThat(provider.fetchCount()).isEqualTo(2);
            }
        }
    }

    /**
     * A real rotation (MariaDB checks passwords here; the local PostgreSQL trusts loopback): the user's password
     * changes on the server and in the secret while the function holds a connection and a cached copy of the old
     * secret. After the connection drops, the reconnect with the cached password is refused, and the next try
     * reads the secret afresh and succeeds, within one request.
     */
    @Test
    void afterARealPasswordRotation_theFirstRefusedReconnect_fetchesTheNewSecret_andTheRequestSucceeds()
            throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            String user = "rot_" + db.name().substring(db.name().length() - 8);
            try (Connection admin = db.connect();
                    Statement s = admin.createStatement()) {
                s.execute("create user '" + user + "'@'%' identified by 'old-Pa55'");
                s.execute("grant all on `" + db.name() + "`.* to '" + user + "'@'%'");
            }
            try {
                java.util.concurrent.atomic.AtomicReference<String> secret =
                        new java.util.concurrent.atomic.AtomicReference<>("old-Pa55");
                CredentialsProvider provider =
                        new CredentialsProvider(() -> DatabaseTarget.of(db.url(), user, secret.get()));
                try (LambdaDatabase database = new LambdaDatabase(provider)) {
                    assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
                    assertThat(provider.fetchCount()).isEqualTo(1);
                    long connectionId = database.dsl().fetchValue(DSL.field("connection_id()", Long.class));
                    try (Connection admin = db.connect();
                            Statement s = admin.createStatement()) {
                        s.execute("alter user '" + user + "'@'%' identified by 'new-Pa55'"); // the rotation
                        secret.set("new-Pa55"); // Secrets Manager now holds the new one; the provider's copy is old
                        s.execute("kill " + connectionId); // the old session ends (a restart, an idle timeout)
                    }
                    assertThat(database.dsl().fetchValue(DSL.inline(2))).isEqualTo(2);
                    assertThat(provider.fetchCount())
                            .as("fetched again once, after the refusal")
                            .isEqualTo(2);
                }
            } finally {
                try (Connection admin = db.connect();
                        Statement s = admin.createStatement()) {
                    s.execute("drop user '" + user + "'@'%'");
                }
            }
        }
    }

    @Test
    void wrongCredentialsTwice_failWithAMessageThatNamesTheFix_andNotThePassword() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            CredentialsProvider provider = new CredentialsProvider(() -> credentials(db, "s3cr3t-wrong"));
            try (LambdaDatabase database = new LambdaDatabase(provider)) {
                assertThatThrownBy(database::dsl)
                        .isInstanceOf(SlipwayLambdaException.class)
                        .hasMessageContaining("refused the credentials, also after reading the secret again")
                        .hasMessageContaining("username and password")
                        .hasMessageNotContaining("s3cr3t-wrong")
                        .extracting(e -> ((SlipwayLambdaException) e).kind())
                        .isEqualTo(SlipwayLambdaException.Kind.AUTHENTICATION);
                assertThat(provider.fetchCount()).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void snapStartHooks_closeBeforeCheckpoint_andRefetchCredentialsAfterRestore(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            CredentialsProvider provider = new CredentialsProvider(() -> credentials(db, db.password()));
            LambdaDatabase database = new LambdaDatabase(provider);
            SnapStartHooks hooks = SnapStartHooks.register(database);
            // priming at init touches no database
            assertThat(Priming.prime(database.dialect())).contains("slipway_priming");
            assertThat(database.connectCount()).isZero();
            Connection before = database.connection();

            hooks.beforeCheckpoint(null);
            assertThat(before.isClosed()).isTrue();
            hooks.afterRestore(null);

            assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);
            assertThat(provider.fetchCount()).isEqualTo(2);
            assertThat(database.connectCount()).isEqualTo(2);
            database.close();
        }
    }

    /** Ends the database's session on the server, as a restart, an idle timeout or a NAT would. */
    private static void dropOnTheServer(LambdaDatabase database, TestDatabase db) throws Exception {
        long backend = database.dialect() == SQLDialect.POSTGRES
                ? database.dsl().fetchOne("select pg_backend_pid()").get(0, Long.class)
                : database.dsl().fetchOne("select connection_id()").get(0, Long.class);
        try (Connection admin = db.connect();
                Statement s = admin.createStatement()) {
            s.execute(
                    database.dialect() == SQLDialect.POSTGRES
                            ? "select pg_terminate_backend(" + backend + ")"
                            : "kill " + backend);
        }
    }
}
