package dev.slipway.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver through the Slipway proxy, judged by the engine's own JDBC driver on the same database: what one
 * writes the other reads back equal, errors carry the native driver's SQL state, transactions and session pinning
 * behave as the database says they did.
 */
class DataApiDriverIT {

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    private static String url(DataApiServer proxy, TestDatabase db, String extra) {
        return "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name() + extra;
    }

    private static DataApiServer proxy(TestDatabase db) throws Exception {
        return DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0));
    }

    private static boolean postgres(TestDatabase db) {
        return db.engine().equals("postgresql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void valuesWrittenThroughTheDriver_readBackEqualThroughTheNativeDriver_andTheOtherWayRound(TestServer server)
            throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = proxy(db);
                Connection api = DriverManager.getConnection(url(proxy, db, ""));
                Connection direct = db.connect()) {
            String ts = postgres(db) ? "timestamp" : "datetime(6)";
            String tstz = postgres(db) ? "timestamptz" : "timestamp(6) null";
            String bool = postgres(db) ? "boolean" : "boolean";
            String bytes = postgres(db) ? "bytea" : "varbinary(100)";
            try (Statement s = direct.createStatement()) {
                s.execute("create table sample (id bigint primary key, i int, d decimal(20,6), f double precision,"
                        + " b " + bool + ", s varchar(100), day date, at " + ts + ", instant " + tstz + ", raw " + bytes
                        + ")");
            }
            LocalDateTime at = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123456000);
            OffsetDateTime instant = OffsetDateTime.of(2024, 3, 1, 12, 0, 1, 500000000, ZoneOffset.ofHours(2));
            try (PreparedStatement p =
                    api.prepareStatement("insert into sample values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, 1L);
                p.setInt(2, -7);
                p.setBigDecimal(3, new BigDecimal("12345678901234.567891"));
                p.setDouble(4, 0.1);
                p.setBoolean(5, true);
                p.setString(6, "it's \"quoted\" ? and : colon — ünïcode");
                p.setObject(7, LocalDate.of(1999, 12, 31));
                p.setObject(8, at);
                p.setObject(9, instant);
                p.setBytes(10, new byte[] {0, 1, -1, 42});
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            try (Statement s = direct.createStatement();
                    ResultSet rs = s.executeQuery("select * from sample where id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("i")).isEqualTo(-7);
                assertThat(rs.getBigDecimal("d")).isEqualByComparingTo("12345678901234.567891");
                assertThat(rs.getDouble("f")).isEqualTo(0.1);
                assertThat(rs.getBoolean("b")).isTrue();
                assertThat(rs.getString("s")).isEqualTo("it's \"quoted\" ? and : colon — ünïcode");
                assertThat(rs.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(rs.getObject("at", LocalDateTime.class)).isEqualTo(at);
                assertThat(rs.getBytes("raw")).containsExactly(0, 1, -1, 42);
                if (postgres(db)) {
                    assertThat(rs.getObject("instant", OffsetDateTime.class).toInstant())
                            .isEqualTo(instant.toInstant());
                }
            }
            // and what the native driver wrote reads back the same through the Data API
            try (Statement s = direct.createStatement()) {
                s.executeUpdate("insert into sample (id, i, s) values (2, null, null)");
            }
            try (PreparedStatement p =
                    api.prepareStatement("select * from sample where id = ? or id = ? order by id")) {
                p.setLong(1, 1);
                p.setLong(2, 2);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong("id")).isEqualTo(1);
                    assertThat(rs.getObject("i", Integer.class)).isEqualTo(-7);
                    assertThat(rs.getBigDecimal("d")).isEqualByComparingTo("12345678901234.567891");
                    assertThat(rs.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                    assertThat(rs.getObject("at", LocalDateTime.class)).isEqualTo(at);
                    if (postgres(db)) {
                        assertThat(rs.getObject("instant", OffsetDateTime.class).toInstant())
                                .isEqualTo(instant.toInstant());
                    }
                    assertThat(rs.getBytes("raw")).containsExactly(0, 1, -1, 42);
                    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("id");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt("i")).isZero();
                    assertThat(rs.wasNull()).isTrue();
                    assertThat(rs.getString("s")).isNull();
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRolledBackTransaction_leavesNothing_aCommittedOneIsThere_asTheNativeDriverSees(TestServer server)
            throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = proxy(db);
                Connection api = DriverManager.getConnection(url(proxy, db, ""));
                Connection direct = db.connect()) {
            try (Statement s = direct.createStatement()) {
                s.execute("create table note (id int primary key, body varchar(20))");
            }
            api.setAutoCommit(false);
            try (Statement s = api.createStatement()) {
                s.executeUpdate("insert into note values (1, 'rolled back')");
            }
            assertThat(count(direct, "note")).isZero(); // not committed yet
            api.rollback();
            assertThat(proxy.openTransactions()).isZero();
            try (Statement s = api.createStatement()) {
                s.executeUpdate("insert into note values (2, 'kept')");
                s.executeUpdate("insert into note values (3, 'kept too')");
            }
            api.commit();
            api.setAutoCommit(true);
            assertThat(count(direct, "note")).isEqualTo(2);
            assertThat(proxy.openTransactions()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void errors_carryTheSqlStateTheNativeDriverGives(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = proxy(db);
                Connection api = DriverManager.getConnection(url(proxy, db, ""));
                Connection direct = db.connect()) {
            try (Statement s = direct.createStatement()) {
                s.execute("create table person (email varchar(50) primary key)");
                s.execute("insert into person values ('a@example.com')");
            }
            String duplicate = "insert into person values ('a@example.com')";
            String nativeState = stateOf(direct, duplicate);
            assertThatThrownBy(() -> api.createStatement().executeUpdate(duplicate))
                    .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(nativeState));
            String missing = "select * from no_such_table";
            String nativeMissing = stateOf(direct, missing);
            assertThatThrownBy(() -> api.createStatement().executeQuery(missing))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(nativeMissing));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void generatedKeys_andBatches_comeBackAsFromANativeDriver(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = proxy(db);
                Connection api = DriverManager.getConnection(url(proxy, db, ""));
                Connection direct = db.connect()) {
            String identity = postgres(db)
                    ? "bigint generated always as identity primary key"
                    : "bigint auto_increment primary key";
            try (Statement s = direct.createStatement()) {
                s.execute("create table item (id " + identity + ", name varchar(20))");
            }
            try (PreparedStatement p =
                    api.prepareStatement("insert into item (name) values (?)", new String[] {"id"})) {
                p.setString(1, "first");
                assertThat(p.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = p.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong(1)).isEqualTo(1L);
                }
            }
            try (PreparedStatement p = api.prepareStatement("insert into item (name) values (?)")) {
                for (String name : List.of("b1", "b2", "b3")) {
                    p.setString(1, name);
                    p.addBatch();
                }
                assertThat(p.executeBatch())
                        .containsExactly(
                                Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO);
            }
            List<String> names = new ArrayList<>();
            try (Statement s = direct.createStatement();
                    ResultSet rs = s.executeQuery("select name from item order by id")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            assertThat(names).containsExactly("first", "b1", "b2", "b3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aPinnedSession_holdsASessionLockAcrossStatements_andCommitsEachOne(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = proxy(db);
                Connection api = DriverManager.getConnection(url(proxy, db, "?session=pinned"));
                Connection direct = db.connect()) {
            String lock = postgres(db) ? "select pg_advisory_lock(4242)" : "select get_lock('slipway-test', 5)";
            String unlock = postgres(db) ? "select pg_advisory_unlock(4242)" : "select release_lock('slipway-test')";
            try (Statement s = api.createStatement()) {
                s.execute(lock);
                s.execute("create table pinned (id int)");
                s.executeUpdate("insert into pinned values (1)");
            }
            assertThat(count(direct, "pinned"))
                    .as("committed after each statement")
                    .isEqualTo(1);
            assertThat(lockHeldElsewhere(direct, postgres(db)))
                    .as("the lock is still held by the pinned session")
                    .isTrue();
            try (Statement s = api.createStatement();
                    ResultSet rs = s.executeQuery(unlock)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1))
                        .as("released by the same session that took it")
                        .isTrue();
            }
            assertThat(lockHeldElsewhere(direct, postgres(db))).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void whatTheDataApiCannotDo_failsWithAnErrorThatSaysSo_neverACutShortResult(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = proxy(db);
                Connection api = DriverManager.getConnection(url(proxy, db, ""))) {
            String big = postgres(db)
                    ? "select repeat('x', 1000) from generate_series(1, 2000)"
                    : "select repeat('x', 1000) from information_schema.collations a"
                            + " cross join information_schema.collations b limit 2000";
            assertThatThrownBy(() -> api.createStatement().executeQuery(big))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("response size limit");
            assertThatThrownBy(() -> api.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY))
                    .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("RDS Data API has no equivalent");
            try (Statement slow = api.createStatement()) {
                slow.setQueryTimeout(1);
                assertThatThrownBy(() -> slow.execute(postgres(db) ? "select pg_sleep(3)" : "select sleep(3)"))
                        .isInstanceOf(java.sql.SQLTimeoutException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            }
            api.setAutoCommit(false);
            assertThatThrownBy(api::setSavepoint).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
            api.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void whatAPinnedSessionLeavesBehind_isGoneWhenItsConnectionReturnsToTheProxysPool(TestServer server)
            throws Exception {
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(
                                db.url(), db.user(), db.password(), 0)
                        .withPool(1, java.time.Duration.ofSeconds(5))); // one connection: the next client gets it
                Connection direct = db.connect()) {
            String lock = postgres(db) ? "select pg_advisory_lock(4242)" : "select get_lock('slipway-test', 5)";
            try (Connection pinned = DriverManager.getConnection(url(proxy, db, "?session=pinned"));
                    Statement s = pinned.createStatement()) {
                s.execute(lock); // and never released by the client
                if (postgres(db)) s.execute("set lock_timeout = '1234ms'");
            }
            assertThat(lockHeldElsewhere(direct, postgres(db)))
                    .as("released when the session ended")
                    .isFalse();
            if (postgres(db)) {
                try (Connection next = DriverManager.getConnection(url(proxy, db, ""));
                        ResultSet rs = next.createStatement().executeQuery("show lock_timeout")) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .as("the next client's session has the defaults")
                            .isEqualTo("0");
                }
            }
        }
    }

    private static boolean lockHeldElsewhere(Connection direct, boolean postgres) throws SQLException {
        String sql = postgres
                ? "select count(*) from pg_locks where locktype = 'advisory' and objid = 4242 and granted"
                : "select is_used_lock('slipway-test') is not null";
        try (Statement s = direct.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String stateOf(Connection direct, String sql) {
        try (Statement s = direct.createStatement()) {
            s.execute(sql);
            throw new AssertionError("expected " + sql + " to fail on the native driver");
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static long count(Connection direct, String table) throws SQLException {
        try (Statement s = direct.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
