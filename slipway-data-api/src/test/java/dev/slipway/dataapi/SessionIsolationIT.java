package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a request leaves on its session reaches the next request: the proxy's pool has one connection, so every
 * request below runs on the same one, and the session's settings, role, locks, temporary tables and prepared
 * statements are read back from the database's own catalog after each change.
 */
class SessionIsolationIT {

    static final String PG_SESSION = "select current_setting('search_path'), current_setting('TimeZone'),"
            + " current_setting('statement_timeout'), current_user, session_user,"
            + " current_setting('default_transaction_read_only'), current_setting('application_name'),"
            + " (select count(*) from pg_prepared_statements where from_sql),"
            + " (select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()),"
            + " (select count(*) from pg_class where relnamespace = pg_my_temp_schema()),"
            + " (select count(*) from pg_cursors), (select count(*) from pg_listening_channels())";

    static final String MYSQL_SESSION = "select @leak, @@session.sql_mode, @@session.time_zone,"
            + " @@session.tx_read_only, current_role(), @@session.autocommit,"
            + " coalesce(is_used_lock('slipway_leak') = connection_id(), 0),"
            + " @@session.max_statement_time, @@session.tx_isolation, @@session.character_set_client,"
            + " @@session.collation_connection";

    static final List<String> PG_CHANGES = List.of(
            "set search_path = pg_catalog",
            "set time zone 'America/New_York'",
            "set statement_timeout = 1",
            "set role slipway_it_reader",
            "set session authorization slipway_it_reader",
            "set default_transaction_read_only = on",
            "set session characteristics as transaction read only",
            "select set_config('application_name', 'leak', false)",
            "create temp table leak (a int)",
            "prepare leak as select 1",
            "select pg_advisory_lock(42)",
            "declare leak cursor with hold for select 1",
            "listen leak");

    static final List<String> MYSQL_CHANGES = List.of(
            "set @leak = 1",
            "set sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES'",
            "set time_zone = '+05:00'",
            "set session transaction read only",
            "set session transaction isolation level serializable",
            "set role slipway_it_reader",
            "set names latin1",
            "select get_lock('slipway_leak', 0)",
            "set max_statement_time = 0.5",
            "create temporary table leak (a int)",
            "prepare leak from 'select 1'");

    static TestServer server(String engine) {
        return engine.equals("postgresql") ? TestServers.postgres() : TestServers.mysql();
    }

    static DataApiServer proxyOfOneConnection(TestDatabase db) throws Exception {
        return DataApiServer.start(
                DataApiConfig.development(db.url(), db.user(), db.password(), 0).withPool(1, Duration.ofSeconds(5)));
    }

    static void createRole(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            if (db.engine().equals("postgresql")) {
                s.execute("do $$ begin if not exists (select from pg_roles where rolname = 'slipway_it_reader')"
                        + " then create role slipway_it_reader; end if; end $$");
            } else {
                s.execute("create role if not exists slipway_it_reader");
                try (ResultSet rs = s.executeQuery("select current_user()")) {
                    rs.next();
                    String[] user = rs.getString(1).split("@");
                    s.execute("grant slipway_it_reader to '" + user[0] + "'@'" + user[1] + "'");
                }
            }
        }
    }

    /** pgjdbc starts sessions in the JVM's zone; AWS's Data API answers at UTC, and so must the proxy on a laptop. */
    @org.junit.jupiter.api.Test
    void aPostgresqlSessionIsAtUtc_alsoAfterAReset_whereTheProxysJvmIsNot() throws Exception {
        java.util.TimeZone jvmZone = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
        try (TestDatabase db = server("postgresql").createDatabase();
                DataApiServer proxy = proxyOfOneConnection(db)) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            String zone = "select current_setting('TimeZone')";

            assertThat(calls.execute(zone).row()).isEqualTo("UTC");
            assertThat(calls.execute("set time zone 'Asia/Tokyo'").status()).isEqualTo(200);
            assertThat(calls.execute(zone).row()).isEqualTo("UTC");
        } finally {
            java.util.TimeZone.setDefault(jvmZone);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void everySessionChange_isGoneByTheNextRequest_onTheSameConnection(String engine) throws Exception {
        try (TestDatabase db = server(engine).createDatabase();
                DataApiServer proxy = proxyOfOneConnection(db)) {
            createRole(db);
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            String fingerprint = engine.equals("postgresql") ? PG_SESSION : MYSQL_SESSION;
            ProxyCalls.Answer before = calls.execute(fingerprint);
            assertThat(before.status()).as(before.toString()).isEqualTo(200);
            String clean = before.row();
            assertThat(clean).contains(engine.equals("postgresql") ? "UTC" : "+00:00");

            for (String change : engine.equals("postgresql") ? PG_CHANGES : MYSQL_CHANGES) {
                ProxyCalls.Answer changed = calls.execute(change);
                // MariaDB Connector/J closes a connection whose character set is changed: an error, then a new one
                if (!change.startsWith("set names")) {
                    assertThat(changed.status()).as(change + " -> " + changed).isEqualTo(200);
                }

                ProxyCalls.Answer after = calls.execute(fingerprint);
                assertThat(after.status()).as("after " + change + ": " + after).isEqualTo(200);
                assertThat(after.row()).as("the session after '" + change + "'").isEqualTo(clean);
                assertThat(calls.execute("select * from leak").errorType())
                        .as("a temporary table after '" + change + "'")
                        .isEqualTo("DatabaseErrorException");
                String runPrepared = engine.equals("postgresql") ? "execute leak" : "execute leak";
                assertThat(calls.execute(runPrepared).errorType())
                        .as("a prepared statement after '" + change + "'")
                        .isEqualTo("DatabaseErrorException");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void aCommittedOrRolledBackTransaction_leavesNothingOfItsSessionBehind(String engine) throws Exception {
        try (TestDatabase db = server(engine).createDatabase();
                DataApiServer proxy = proxyOfOneConnection(db)) {
            createRole(db);
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            String fingerprint = engine.equals("postgresql") ? PG_SESSION : MYSQL_SESSION;
            String clean = calls.execute(fingerprint).row();

            for (boolean commit : new boolean[] {true, false}) {
                String tx = calls.begin();
                for (String change : engine.equals("postgresql") ? PG_CHANGES : MYSQL_CHANGES) {
                    if (change.contains("read only") || change.contains("statement_timeout")) continue;
                    if (change.startsWith("set session transaction isolation")) continue; // not inside one
                    if (change.startsWith("set names")) continue; // the driver closes the connection
                    ProxyCalls.Answer changed = calls.execute(change, tx);
                    assertThat(changed.status())
                            .as(change + " in a transaction -> " + changed)
                            .isEqualTo(200);
                }
                ProxyCalls.Answer ended = commit ? calls.commit(tx) : calls.rollback(tx);
                assertThat(ended.status()).as(ended.toString()).isEqualTo(200);

                assertThat(calls.execute(fingerprint).row())
                        .as("the session after a " + (commit ? "committed" : "rolled back") + " transaction")
                        .isEqualTo(clean);
                assertThat(calls.execute("select * from leak").errorType()).isEqualTo("DatabaseErrorException");
            }
        }
    }
}
