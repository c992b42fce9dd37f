package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Admission before work: credentials are checked on the headers before a body is read, every phase of a request has
 * a deadline, connections that have not authenticated are capped, answers are cut at 1 MiB while they are read, and
 * a client that leaves has its statement cancelled (seen in the database's own process list).
 */
class AdmissionIT {

    static final DataApiLimits SHORT =
            new DataApiLimits(0, 0, Duration.ofMillis(700), Duration.ofMillis(700), Duration.ofSeconds(2), 5);

    static DataApiServer keyed(TestDatabase db, DataApiLimits limits) throws Exception {
        return DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0)
                .withKeys(Map.of(), Set.of("key-1"))
                .withLimits(limits));
    }

    @Test
    void aPortInUse_isNamed_withWhatToDo() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                java.net.ServerSocket taken =
                        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            DataApiConfig config = DataApiConfig.development(db.url(), db.user(), db.password(), taken.getLocalPort());

            assertThatThrownBy(() -> DataApiServer.start(config))
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("choose another port with --port");
        }
    }

    @Test
    void aRequestWithoutCredentials_isRefusedOnItsHeaders_withoutWaitingForItsBody() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = keyed(db, DataApiLimits.DEFAULTS);
                RawHttp client = new RawHttp(proxy.port())) {
            client.send(RawHttp.post("/Execute", "127.0.0.1", "", 4 * 1024 * 1024));

            String answer = client.readUntilClosed(); // no byte of the 4 MiB body was sent

            assertThat(answer).startsWith("HTTP/1.1 403").contains("MissingAuthenticationTokenException");
        }
    }

    @Test
    void stalledHeadersAndBodies_areClosedAtTheirDeadlines() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = keyed(db, SHORT)) {
            try (RawHttp silent = new RawHttp(proxy.port())) {
                assertThat(silent.readUntilClosed())
                        .as("a connection that sends nothing")
                        .isEmpty();
            }
            try (RawHttp slowHeaders = new RawHttp(proxy.port())) {
                slowHeaders.send("POST /Execute HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                assertThat(slowHeaders.readUntilClosed())
                        .as("headers never finished")
                        .isEmpty();
            }
            try (RawHttp slowBody = new RawHttp(proxy.port())) {
                slowBody.send(RawHttp.post("/Execute", "127.0.0.1", "x-api-key: key-1\r\n", 100) + "{\"sql\":");
                assertThat(slowBody.readUntilClosed())
                        .as("a body that never finished")
                        .isEmpty();
            }
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), "key-1");
            assertThat(calls.execute("select 1").status())
                    .as("the proxy still serves")
                    .isEqualTo(200);
        }
    }

    @Test
    void atTheCapOfUnauthenticatedConnections_newOnesWaitUntilOneLeaves_andKeptAliveClientsAreServed()
            throws Exception {
        DataApiLimits limits =
                new DataApiLimits(0, 0, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 5);
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = keyed(db, limits)) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), "key-1");
            assertThat(calls.execute("select 1").status())
                    .as("a client's kept-alive connection")
                    .isEqualTo(200);
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) idle.add(new Socket("127.0.0.1", proxy.port()));
                // a health check needs no key, so it does not take its connection out of the count
                idle.get(0)
                        .getOutputStream()
                        .write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(new String(
                                idle.get(0).getInputStream().readNBytes(12),
                                java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 200");
                Thread.sleep(300); // the proxy has accepted and counted them
                try (Socket sixth = new Socket("127.0.0.1", proxy.port())) { // the kernel's backlog takes it
                    String body = ProxyCalls.body().put("sql", "select 7").toString();
                    sixth.getOutputStream()
                            .write((RawHttp.post("/Execute", "127.0.0.1", "x-api-key: key-1\r\n", body.length()) + body)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sixth.setSoTimeout(1_000);
                    assertThatThrownBy(() -> sixth.getInputStream().read())
                            .as("not accepted while five connections sit unauthenticated")
                            .isInstanceOf(java.net.SocketTimeoutException.class);
                    assertThat(calls.execute("select 2").first())
                            .as("the kept-alive client")
                            .isEqualTo("2");

                    idle.remove(0).close();

                    sixth.setSoTimeout(10_000);
                    byte[] answer = sixth.getInputStream().readNBytes(12);
                    assertThat(new String(answer, java.nio.charset.StandardCharsets.US_ASCII))
                            .as("accepted once one left")
                            .isEqualTo("HTTP/1.1 200");
                }
            } finally {
                for (Socket s : idle) s.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void aResultOfHundredsOfMegabytes_isCutAtTheResponseLimit_andTheProxyGoesOn(String engine) throws Exception {
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = keyed(db, DataApiLimits.DEFAULTS)) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), "key-1");
            String huge = engine.equals("postgresql")
                    ? "select repeat('x', 1000) from generate_series(1, 150000)"
                    : "select repeat('x', 1000) from (select 1 from information_schema.columns limit 400) a,"
                            + " (select 1 from information_schema.columns limit 400) b";

            ProxyCalls.Answer answer = calls.execute(huge);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.message()).contains("more than the allowed response size limit");
            assertThat(calls.execute("select 3").first()).isEqualTo("3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void aClientThatLeaves_hasItsStatementCancelledInTheDatabase(String engine) throws Exception {
        boolean pg = engine.equals("postgresql");
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = keyed(db, DataApiLimits.DEFAULTS)) {
            String sleep = pg ? "select pg_sleep(30) as slipway_leaving" : "select sleep(30) as slipway_leaving";
            String body = ProxyCalls.body().put("sql", sleep).toString();
            try (RawHttp client = new RawHttp(proxy.port())) {
                client.send(RawHttp.post("/Execute", "127.0.0.1", "x-api-key: key-1\r\n", body.length()) + body);
                assertThat(waitFor(db, pg, true)).as("the statement runs").isTrue();
            } // the client leaves

            assertThat(waitFor(db, pg, false)).as("the statement is cancelled").isTrue();
        }
    }

    /** Whether the sleeping statement is (or is no longer) running within 10 s, by the server's process list. */
    private static boolean waitFor(TestDatabase db, boolean pg, boolean running) throws Exception {
        String sql = pg
                ? "select count(*) from pg_stat_activity where state = 'active' and query like '%slipway_leaving%'"
                        + " and pid <> pg_backend_pid()"
                : "select count(*) from information_schema.processlist where info like '%slipway_leaving%'"
                        + " and id <> connection_id()";
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            while (System.nanoTime() < until) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    if ((rs.getLong(1) > 0) == running) return true;
                }
                Thread.sleep(50);
            }
        }
        return false;
    }
}
