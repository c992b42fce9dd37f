package dev.slipway.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.SqlErrorKind;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error table judged by the drivers themselves: each kind from an error a real PostgreSQL or MariaDB raised
 * through pgjdbc or the MariaDB driver, not from exceptions made up here.
 */
class SqlErrorKindIT {

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyKind_isWhatTheDriverRaises_onBothEngines(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                Connection c = db.connect();
                Statement s = c.createStatement()) {
            boolean postgres = db.engine().equals("postgresql");
            s.execute("create table parent (id int primary key)");
            s.execute("create table child (id int primary key, parent_id int references parent (id),"
                    + " amount int check (amount > 0), code varchar(3))");
            s.execute("insert into parent values (1)");
            s.execute("insert into child values (1, 1, 5, 'a')");

            assertThat(kindOf(s, "insert into parent values (1)")).isEqualTo(SqlErrorKind.UNIQUE_VIOLATION);
            assertThat(kindOf(s, "insert into child values (2, 99, 5, 'a')"))
                    .isEqualTo(SqlErrorKind.FOREIGN_KEY_VIOLATION);
            assertThat(kindOf(s, "delete from parent where id = 1")).isEqualTo(SqlErrorKind.FOREIGN_KEY_VIOLATION);
            assertThat(kindOf(s, "insert into child values (3, 1, -1, 'a')")).isEqualTo(SqlErrorKind.CHECK_VIOLATION);
            assertThat(kindOf(s, "insert into child values (4, 1, 5, 'abcdef')"))
                    .isEqualTo(SqlErrorKind.INVALID_DATA);
            assertThat(kindOf(s, postgres ? "select pg_sleep(5)" : "select sleep(5) from parent", 1))
                    .isEqualTo(SqlErrorKind.STATEMENT_TIMEOUT);
            assertThat(kindOf(s, "select * from no_such_table")).isEqualTo(SqlErrorKind.OTHER);

            assertThat(connectFailure(db, db.url(), db.user(), "wrong-password-" + System.nanoTime(), postgres))
                    .isEqualTo(SqlErrorKind.AUTHENTICATION);
            String missing = db.url().replace("/" + db.name(), "/no_such_database_" + System.nanoTime() % 100000);
            assertThat(connectFailure(db, missing, db.user(), db.password(), postgres))
                    .isEqualTo(SqlErrorKind.UNKNOWN_DATABASE);

            try (Connection victim = db.connect();
                    Statement v = victim.createStatement()) {
                long id = one(v, postgres ? "select pg_backend_pid()" : "select connection_id()");
                s.execute(postgres ? "select pg_terminate_backend(" + id + ")" : "kill " + id);
                assertThat(kindOf(v, "select 1")).isEqualTo(SqlErrorKind.CONNECTION_LOST);
            }
        }
    }

    /** A login the server refuses; PostgreSQL here trusts loopback, so its wrong password is a missing role. */
    private static SqlErrorKind connectFailure(
            TestDatabase db, String url, String user, String password, boolean postgres) {
        Properties props = new Properties();
        props.setProperty("user", postgres && password.startsWith("wrong") ? "no_such_role_x" : user);
        props.setProperty("password", password == null ? "" : password);
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            throw new AssertionError("connected to " + url);
        } catch (SQLException e) {
            return SqlErrorKind.of(e);
        }
    }

    private static SqlErrorKind kindOf(Statement s, String sql) {
        return kindOf(s, sql, 0);
    }

    private static SqlErrorKind kindOf(Statement s, String sql, int timeoutSeconds) {
        try {
            s.setQueryTimeout(timeoutSeconds);
            s.execute(sql);
            throw new AssertionError("no error from " + sql);
        } catch (SQLException e) {
            return SqlErrorKind.of(e);
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
