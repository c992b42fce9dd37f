package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random interleavings of session changes, Data API transactions (committed, rolled back, aborted by an error) and
 * plain statements from two keys (at most one open transaction each), over a pool of three connections: every plain request sees the session a new
 * connection has (read from the engine's catalog), every plain insert succeeds, and the rows in the database (read by
 * a connection of the test's own) are exactly the acknowledged ones. Tries: {@code jqwik.tries.default}
 * (junit-platform.properties; {@code -Djqwik.tries.default=2000} for a longer run).
 */
class IsolationPropertyIT {

    enum Kind {
        CHANGE,
        INSERT,
        BEGIN,
        CHANGE_IN_TX,
        INSERT_IN_TX,
        COMMIT,
        ROLLBACK,
        CHECK
    }

    /** One step: what, by which key, and which session change (an index into the engine's list). */
    record Action(Kind kind, int key, int change) {}

    private static final Map<String, TestDatabase> DATABASES = new HashMap<>();
    private static final Map<String, DataApiServer> PROXIES = new HashMap<>();
    private static final Map<String, String> CLEAN = new HashMap<>();

    @BeforeContainer
    static void start() throws Exception {
        for (String engine : List.of("postgresql", "mysql")) {
            TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
            SessionIsolationIT.createRole(db);
            DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                    .withKeys(Map.of(), Set.of("key-0", "key-1"))
                    .withPool(3, Duration.ofSeconds(5))); // two open transactions leave one
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), "key-0");
            assertThat(calls.execute("create table w (id bigint primary key)").status())
                    .isEqualTo(200);
            CLEAN.put(engine, calls.execute(fingerprint(engine)).row());
            DATABASES.put(engine, db);
            PROXIES.put(engine, proxy);
        }
    }

    @AfterContainer
    static void stop() {
        PROXIES.values().forEach(DataApiServer::close);
        DATABASES.values().forEach(TestDatabase::close);
    }

    private static String fingerprint(String engine) {
        return engine.equals("postgresql") ? SessionIsolationIT.PG_SESSION : SessionIsolationIT.MYSQL_SESSION;
    }

    private static List<String> changes(String engine) {
        return (engine.equals("postgresql") ? SessionIsolationIT.PG_CHANGES : SessionIsolationIT.MYSQL_CHANGES)
                .stream().filter(c -> !c.startsWith("set names")).toList();
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 20))
                .as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property
    void postgresql_everyRequestSeesACleanSession_andEveryAcknowledgedWriteIsThere(
            @ForAll("actions") List<Action> actions) throws Exception {
        run("postgresql", actions);
    }

    @Property
    void mysql_everyRequestSeesACleanSession_andEveryAcknowledgedWriteIsThere(@ForAll("actions") List<Action> actions)
            throws Exception {
        run("mysql", actions);
    }

    private static void run(String engine, List<Action> actions) throws Exception {
        TestDatabase db = DATABASES.get(engine);
        direct(db, "delete from w");
        DataApiServer proxy = PROXIES.get(engine);
        List<ProxyCalls> keys =
                List.of(new ProxyCalls(proxy.endpoint(), "key-0"), new ProxyCalls(proxy.endpoint(), "key-1"));
        List<String> changes = changes(engine);
        String[] open = new String[2];
        List<List<Long>> pending = List.of(new ArrayList<>(), new ArrayList<>());
        Set<Long> acknowledged = new TreeSet<>();
        long next = 1;
        for (Action a : actions) {
            ProxyCalls calls = keys.get(a.key());
            String change = changes.get(a.change() % changes.size());
            switch (a.kind()) {
                case CHANGE -> calls.execute(change);
                case INSERT -> {
                    long id = next++;
                    ProxyCalls.Answer insert = calls.execute("insert into w values (" + id + ")");
                    assertThat(insert.status())
                            .as("a plain insert after " + actions)
                            .isEqualTo(200);
                    acknowledged.add(id);
                }
                case BEGIN -> {
                    if (open[a.key()] == null) open[a.key()] = calls.begin();
                }
                case CHANGE_IN_TX, INSERT_IN_TX -> {
                    if (open[a.key()] == null) continue;
                    boolean insert = a.kind() == Kind.INSERT_IN_TX;
                    long id = insert ? next++ : 0;
                    String sql = insert ? "insert into w values (" + id + ")" : change;
                    if (!insert && change.contains("statement_timeout")) continue; // would time out the rest
                    ProxyCalls.Answer answer = calls.execute(sql, open[a.key()]);
                    if (answer.status() != 200) { // an error aborts the Data API transaction, as AWS's does
                        open[a.key()] = null;
                        pending.get(a.key()).clear();
                    } else if (insert) {
                        pending.get(a.key()).add(id);
                    }
                }
                case COMMIT, ROLLBACK -> {
                    if (open[a.key()] == null) continue;
                    boolean commit = a.kind() == Kind.COMMIT;
                    ProxyCalls.Answer ended = commit ? calls.commit(open[a.key()]) : calls.rollback(open[a.key()]);
                    if (commit && ended.status() == 200) acknowledged.addAll(pending.get(a.key()));
                    open[a.key()] = null;
                    pending.get(a.key()).clear();
                }
                case CHECK ->
                    assertThat(calls.execute(fingerprint(engine)).row())
                            .as("the session a plain request sees, after " + actions)
                            .isEqualTo(CLEAN.get(engine));
            }
        }
        for (int k = 0; k < 2; k++) if (open[k] != null) keys.get(k).rollback(open[k]);
        assertThat(rows(db)).as("the rows in the database after " + actions).isEqualTo(acknowledged);
    }

    private static void direct(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Set<Long> rows(TestDatabase db) throws Exception {
        Set<Long> ids = new TreeSet<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from w")) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        return ids;
    }
}
