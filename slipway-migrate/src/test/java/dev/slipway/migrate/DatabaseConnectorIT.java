package dev.slipway.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.DatabaseConnector;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTargetSource;
import dev.slipway.core.SqlErrorKind;
import dev.slipway.migrate.internal.FlywayFactory;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one connector, judged by what the servers report about the sessions it opens. */
class DatabaseConnectorIT {

    @TempDir
    Path dir;

    @Test
    void postgresqlSessionsRunAtUtc_onTheConnectorsAndFlywaysConnections_onALaptopInAnotherZone() throws Exception {
        java.util.TimeZone jvmZone = java.util.TimeZone.getDefault();
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            // pgjdbc sends the JVM's zone as the session's TimeZone: a developer's laptop is not at UTC
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
            DatabaseTarget target = DatabaseTarget.of(db.url(), db.user(), db.password());
            String show = "show timezone";

            assertThat(answer(plainConnection(db), show)).isEqualTo("America/New_York"); // the test can fail
            assertThat(answer(DatabaseConnector.open(DatabaseTargetSource.of(target), null), show))
                    .isEqualTo("UTC");
            assertThat(answer(flywaysConnection(target), show)).isEqualTo("UTC");
        } finally {
            java.util.TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void mysqlSessionsRunAtUtc_onTheConnectorsAndFlywaysConnections() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            DatabaseTarget target = DatabaseTarget.of(db.url(), db.user(), db.password());
            String show = "select @@session.time_zone";

            assertThat(answer(plainConnection(db), show)).isNotEqualTo("+00:00"); // SYSTEM: the test can fail
            assertThat(answer(DatabaseConnector.open(DatabaseTargetSource.of(target), null), show))
                    .isEqualTo("+00:00");
            assertThat(answer(flywaysConnection(target), show)).isEqualTo("+00:00");
        }
    }

    @Test
    void aRefusedLoginIsReadAgainOnce_andTheFreshLoginConnects() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            Deque<String> passwords = new ArrayDeque<>(java.util.List.of("rotated-away", db.password()));
            RotatingSecret secret = new RotatingSecret(db, passwords);

            try (Connection c = DatabaseConnector.open(secret, null)) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(secret.rereads).hasValue(1);
        }
    }

    @Test
    void aLoginRefusedAgainAfterTheReReadFails_withBothRefusals() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            RotatingSecret secret = new RotatingSecret(db, new ArrayDeque<>(java.util.List.of("old", "also-wrong")));

            assertThatThrownBy(() -> DatabaseConnector.open(secret, null))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(SqlErrorKind.of(e)).isEqualTo(SqlErrorKind.AUTHENTICATION);
                        assertThat(e.getSuppressed()).hasSize(1);
                    });
            assertThat(secret.rereads).hasValue(1);
        }
    }

    @Test
    void aFixedTargetIsNotReadAgain() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            DatabaseTarget wrong = DatabaseTarget.of(db.url(), db.user(), "wrong");

            assertThatThrownBy(() -> DatabaseConnector.open(DatabaseTargetSource.of(wrong), null))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSuppressed()).isEmpty());
        }
    }

    /** A secret whose password changes at each read: the first read holds the old one. */
    private static final class RotatingSecret implements DatabaseTargetSource {
        final TestDatabase db;
        final Deque<String> passwords;
        final AtomicInteger rereads = new AtomicInteger();

        RotatingSecret(TestDatabase db, Deque<String> passwords) {
            this.db = db;
            this.passwords = passwords;
        }

        @Override
        public DatabaseTarget current() {
            return DatabaseTarget.of(db.url(), db.user(), passwords.peek());
        }

        @Override
        public boolean reread() {
            rereads.incrementAndGet();
            passwords.pop();
            return true;
        }
    }

    private Connection flywaysConnection(DatabaseTarget target) throws Exception {
        Path migrations = dir.resolve("migrations").resolve(target.engine().id());
        Files.createDirectories(migrations);
        return FlywayFactory.create(
                        target,
                        MigrationsLocation.parse(dir.resolve("migrations").toString()),
                        false)
                .getConfiguration()
                .getDataSource()
                .getConnection();
    }

    private static Connection plainConnection(TestDatabase db) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", db.user());
        login.setProperty("password", db.password());
        return DriverManager.getConnection(db.url(), login);
    }

    private static String answer(Connection connection, String sql) throws SQLException {
        try (connection;
                Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
