package dev.slipway.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1-row SELECT by primary key from 64 concurrent clients for a fixed time, four ways in alternating rounds on the
 * same server: direct JDBC over a HikariCP pool of 10 (the baseline), the data proxy over HTTP (its own pool of 10),
 * the same pool with the proxy's session reset after each query (what isolation costs the database), and JDBC
 * opening a new connection for every query (what a proxy without a pool, like local-data-api, pays at
 * least; without HTTP, so the ratio against it is conservative). Prints queries/s, p50 and p99, and ratios.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.DataApiBench -Dexec.args="--rounds 3 --seconds 5"}
 */
public final class DataApiBench {

    private static final int CLIENTS = 64;
    private static final int POOL = 10;

    /** One query, as each way runs it. */
    private interface Query {
        void run(long id) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = arg(args, "--rounds", 3);
        int seconds = arg(args, "--seconds", 5);
        List<String> rows = new ArrayList<>();
        for (TestServer server : List.of(TestServers.postgres(), TestServers.mysql())) {
            rows.addAll(measure(server, rounds, seconds));
        }
        System.out.printf(
                "%n1-row SELECT, %d clients, %d rounds x %d s each way, medians over rounds%n",
                CLIENTS, rounds, seconds);
        System.out.printf(
                "%-10s %-30s %10s %8s %8s %14s%n", "engine", "way", "queries/s", "p50 ms", "p99 ms", "vs pooled JDBC");
        rows.forEach(System.out::println);
    }

    private static List<String> measure(TestServer server, int rounds, int seconds) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            try (Connection c = db.connect()) {
                c.createStatement().execute("create table item (id bigint primary key, name varchar(40))");
                c.createStatement()
                        .execute("insert into item (id, name) values "
                                + String.join(
                                        ", ",
                                        java.util.stream.IntStream.range(0, 1000)
                                                .mapToObj(i -> "(" + i + ", 'item " + i + "')")
                                                .toList()));
            }
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(db.url());
            hc.setUsername(db.user());
            hc.setPassword(db.password());
            hc.setMaximumPoolSize(POOL);
            HikariConfig rc = new HikariConfig();
            rc.setJdbcUrl(db.url());
            rc.setUsername(db.user());
            rc.setPassword(db.password());
            rc.setMaximumPoolSize(POOL);
            rc.setDataSourceProperties(dev.slipway.core.DatabaseConnector.sessionProperties(
                    dev.slipway.core.Engine.fromJdbcUrl(db.url())));
            rc.addDataSourceProperty("useResetConnection", "true"); // MariaDB: reset() sends COM_RESET_CONNECTION
            try (HikariDataSource pool = new HikariDataSource(hc);
                    HikariDataSource resetting = new HikariDataSource(rc);
                    DataApiServer proxy =
                            DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0)
                                    .withPool(POOL, java.time.Duration.ofSeconds(5)))) {
                HttpClient http = HttpClient.newBuilder()
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build();
                URI execute = URI.create(proxy.endpoint() + "/Execute");
                Map<String, Query> ways = new java.util.LinkedHashMap<>();
                ways.put("JDBC, HikariCP pool (baseline)", id -> select(pool.getConnection(), id));
                ways.put("data proxy over HTTP", id -> {
                    String body = "{\"resourceArn\":\"arn:aws:rds:us-east-1:1:cluster:bench\",\"secretArn\":"
                            + "\"arn:aws:secretsmanager:us-east-1:1:secret:bench\",\"sql\":\"select id, name from item"
                            + " where id = :id\",\"parameters\":[{\"name\":\"id\",\"value\":{\"longValue\":" + id
                            + "}}]}";
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(execute)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("\"item "))
                        throw new IllegalStateException(r.body());
                });
                // what the proxy adds to each request's database work since issue 21: the session reset
                dev.slipway.dataapi.internal.ProxyEngine engine =
                        dev.slipway.dataapi.internal.ProxyEngine.of(dev.slipway.core.Engine.fromJdbcUrl(db.url()));
                ways.put("JDBC, pool + proxy's reset", id -> {
                    try (Connection c = resetting.getConnection()) {
                        engine.remember(c);
                        select(notClosing(c), id);
                        engine.reset(c); // what Lease.close does after rolling back an open JDBC transaction
                    }
                });
                ways.put(
                        "JDBC, connect per query",
                        id -> select(DriverManager.getConnection(db.url(), db.user(), db.password()), id));
                Map<String, List<double[]>> results = new java.util.LinkedHashMap<>();
                for (int round = 0; round <= rounds; round++) { // round 0 warms up and is not counted
                    for (var way : ways.entrySet()) {
                        double[] r = run(way.getValue(), round == 0 ? 2 : seconds);
                        if (round > 0)
                            results.computeIfAbsent(way.getKey(), k -> new ArrayList<>())
                                    .add(r);
                    }
                }
                double baseline = median(results.get("JDBC, HikariCP pool (baseline)"), 0);
                List<String> rows = new ArrayList<>();
                for (var e : results.entrySet()) {
                    double qps = median(e.getValue(), 0);
                    rows.add(String.format(
                            java.util.Locale.ROOT,
                            "%-10s %-30s %10.0f %8.2f %8.2f %14.2f",
                            server.engine(),
                            e.getKey(),
                            qps,
                            median(e.getValue(), 1),
                            median(e.getValue(), 2),
                            qps / baseline));
                }
                return rows;
            }
        }
    }

    /** A connection whose close() leaves it open, so that the reset runs after the query on the same one. */
    private static Connection notClosing(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) return null;
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void select(Connection connection, long id) throws Exception {
        try (Connection c = connection;
                PreparedStatement s = c.prepareStatement("select id, name from item where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no row " + id);
            }
        }
    }

    /** Runs the query from {@link #CLIENTS} clients for {@code seconds}: {queries/s, p50 ms, p99 ms}. */
    private static double[] run(Query query, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong count = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    long i = client;
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        query.run(i++ % 1000);
                        latencies.add((System.nanoTime() - t) / 1e6);
                        count.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return new double[] {
            count.get() / (double) seconds, Stats.percentile(latencies, 50), Stats.percentile(latencies, 99)
        };
    }

    private static double median(List<double[]> rounds, int index) {
        List<Double> values = rounds.stream().map(r -> r[index]).sorted().toList();
        return values.get(values.size() / 2);
    }

    private static int arg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
