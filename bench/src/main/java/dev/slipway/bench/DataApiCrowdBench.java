package dev.slipway.bench;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1,000 concurrent clients against a database user allowed 50 connections: through the data proxy (a pool of 40
 * for them all), and, for comparison, each client with its own connection as 1,000 short-lived functions would.
 * Prints requests, errors by kind, p50 and p99.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.DataApiCrowdBench -Dexec.args="--requests 20"}
 */
public final class DataApiCrowdBench {

    private static final int CLIENTS = 1000;
    private static final int ALLOWED = 50;

    public static void main(String[] args) throws Exception {
        int requests = args.length == 2 ? Integer.parseInt(args[1]) : 20;
        List<String> rows = new ArrayList<>();
        for (TestServer server : List.of(TestServers.postgres(), TestServers.mysql())) {
            rows.addAll(measure(server, requests));
        }
        System.out.printf(
                "%n%d clients x %d requests, database user limited to %d connections%n", CLIENTS, requests, ALLOWED);
        System.out.printf(
                "%-10s %-36s %9s %7s %8s %8s  %s%n",
                "engine", "way", "requests", "errors", "p50 ms", "p99 ms", "errors by kind");
        rows.forEach(System.out::println);
    }

    private static List<String> measure(TestServer server, int requests) throws Exception {
        boolean pg = server.engine().equals("postgresql");
        try (TestDatabase db = server.createDatabase()) {
            String user = "slipway_crowd_" + Long.toHexString(System.nanoTime() & 0xffffff);
            try (Connection c = db.connect()) {
                if (pg) {
                    c.createStatement().execute("create role " + user + " login connection limit " + ALLOWED);
                    c.createStatement().execute("grant all on schema public to " + user);
                } else {
                    c.createStatement().execute("create user '" + user + "'@'%' with max_user_connections " + ALLOWED);
                    c.createStatement().execute("grant all on " + db.name() + ".* to '" + user + "'@'%'");
                }
            }
            List<String> rows = new ArrayList<>();
            try (DataApiServer proxy = DataApiServer.start(
                    DataApiConfig.development(db.url(), user, "", 0).withPool(40, java.time.Duration.ofSeconds(10)))) {
                HttpClient http = HttpClient.newBuilder()
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build();
                URI execute = URI.create(proxy.endpoint() + "/Execute");
                String body = "{\"resourceArn\":\"arn:aws:rds:us-east-1:1:cluster:crowd\",\"secretArn\":"
                        + "\"arn:aws:secretsmanager:us-east-1:1:secret:crowd\",\"sql\":\"select 1\"}";
                rows.add(row(server.engine(), "data proxy (pool of 40)", run(requests, () -> {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(execute)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200
                            ? null
                            : r.headers().firstValue("x-amzn-ErrorType").orElse("HTTP " + r.statusCode());
                })));
            }
            rows.add(row(server.engine(), "own connection per client", run(requests, () -> {
                try (Connection c = DriverManager.getConnection(db.url(), user, "")) {
                    c.createStatement().execute("select 1");
                    return null;
                } catch (java.sql.SQLException e) {
                    return "SQLState " + e.getSQLState();
                }
            })));
            try (Connection c = db.connect()) {
                if (!pg) c.createStatement().execute("drop user '" + user + "'@'%'");
            }
            return rows;
        }
    }

    private interface Request {
        String send() throws Exception; // null when it succeeded, else the error's kind
    }

    private record Result(long requests, Map<String, AtomicLong> errors, List<Double> latencies) {}

    private static Result run(int requests, Request request) throws Exception {
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        long t = System.nanoTime();
                        String error;
                        try {
                            error = request.send();
                        } catch (Exception e) {
                            String m = String.valueOf(e.getMessage());
                            error = e.getClass().getSimpleName() + ": " + (m.length() > 50 ? m.substring(0, 50) : m);
                        }
                        latencies.add((System.nanoTime() - t) / 1e6);
                        done.incrementAndGet();
                        if (error != null)
                            errors.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return new Result(done.get(), errors, latencies);
    }

    private static String row(String engine, String way, Result r) {
        long errors = r.errors().values().stream().mapToLong(AtomicLong::get).sum();
        return String.format(
                java.util.Locale.ROOT,
                "%-10s %-36s %9d %7d %8.1f %8.1f  %s",
                engine,
                way,
                r.requests(),
                errors,
                Stats.percentile(r.latencies(), 50),
                Stats.percentile(r.latencies(), 99),
                r.errors());
    }
}
