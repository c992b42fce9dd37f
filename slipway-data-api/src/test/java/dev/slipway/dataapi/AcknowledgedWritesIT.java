package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transaction control written as SQL is refused outside (and, but for savepoints, inside) the Data API's
 * transactions, so a write answered as done is in the database, as another connection (not the proxy's) sees it.
 */
class AcknowledgedWritesIT {

    static long rows(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void beginOrCommitAsSql_isRefused_andEveryAcknowledgedInsertIsVisibleToAnotherConnection(String engine)
            throws Exception {
        boolean pg = engine.equals("postgresql");
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = SessionIsolationIT.proxyOfOneConnection(db)) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            assertThat(calls.execute("create table t (id int primary key)").status())
                    .isEqualTo(200);

            List<String> refused = pg
                    ? List.of(
                            "begin",
                            "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                            "start transaction",
                            "/* a comment */ begin",
                            "insert into t values (100); begin",
                            "select 1; commit",
                            "commit",
                            "end",
                            "rollback",
                            "abort",
                            "savepoint s",
                            "prepare transaction 'x'")
                    : List.of(
                            "begin",
                            "start transaction",
                            "START TRANSACTION READ WRITE",
                            "/*!40101 start transaction */",
                            "-- c\n begin work",
                            "set autocommit = 0",
                            "commit",
                            "rollback",
                            "savepoint s",
                            "xa start 'x'");
            for (String sql : refused) {
                ProxyCalls.Answer answer = calls.execute(sql);
                assertThat(answer.status()).as(sql).isEqualTo(400);
                assertThat(answer.errorType()).as(sql).isEqualTo("BadRequestException");
                assertThat(answer.message()).as(sql).contains("BeginTransaction");
            }
            assertThat(rows(db, "t")).as("nothing of a refused request ran").isZero();

            for (int i = 1; i <= 3; i++) {
                ProxyCalls.Answer insert = calls.execute("insert into t values (" + i + ")");
                assertThat(insert.updated()).isEqualTo(1);
            }
            assertThat(calls.execute("insert into t values (1)").errorType()).isEqualTo("DatabaseErrorException");
            calls.execute("rollback");
            assertThat(calls.execute("select count(*) from t").first()).isEqualTo("3");
            assertThat(rows(db, "t")).as("rows seen by another connection").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void insideADataApiTransaction_sqlCommitActsOnThatTransactionOnly_andRollbackTransactionUndoesTheRest(String engine)
            throws Exception {
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = SessionIsolationIT.proxyOfOneConnection(db)) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            calls.execute("create table t (id int primary key)");
            String tx = calls.begin();
            assertThat(calls.execute("insert into t values (1)", tx).status()).isEqualTo(200);
            assertThat(calls.execute("savepoint s", tx).status()).isEqualTo(200);
            assertThat(calls.execute("insert into t values (2)", tx).status()).isEqualTo(200);
            assertThat(calls.execute("rollback to savepoint s", tx).status()).isEqualTo(200);
            assertThat(rows(db, "t")).as("not committed yet").isZero();

            assertThat(calls.execute("commit", tx).status())
                    .as("a pinned session's commit")
                    .isEqualTo(200);
            assertThat(rows(db, "t"))
                    .as("committed by SQL inside the transaction")
                    .isEqualTo(1);
            assertThat(calls.execute("insert into t values (3)", tx).status()).isEqualTo(200);
            assertThat(calls.rollback(tx).status()).isEqualTo(200);

            assertThat(rows(db, "t"))
                    .as("row 3 rolled back with the Data API transaction")
                    .isEqualTo(1);
            assertThat(calls.execute("insert into t values (4)").updated()).isEqualTo(1);
            assertThat(rows(db, "t"))
                    .as("the next client's write, on the same connection")
                    .isEqualTo(2);
        }
    }
}
