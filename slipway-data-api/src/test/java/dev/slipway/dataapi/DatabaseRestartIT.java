package dev.slipway.dataapi;

import static dev.slipway.dataapi.RdsDataClientIT.CLUSTER;
import static dev.slipway.dataapi.RdsDataClientIT.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The database restarts under load: writers insert through the proxy while an embedded PostgreSQL (its own, so
 * the shared server is not disturbed) is stopped and started again on the same port and data. Clients see only
 * retryable errors, the proxy recovers by itself, and every insert it acknowledged is in the table afterwards.
 */
class DatabaseRestartIT {

    @Test
    void aRestartedDatabase_givesOnlyRetryableErrors_thenServesAgain_andLosesNoAcknowledgedWrite() throws Exception {
        Path data = Files.createTempDirectory("slipway-restart-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = start(data, port);
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table event (id bigint primary key)");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        Map<Long, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicLong ids = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try (DataApiServer proxy = DataApiServer.start(DataApiConfig.development(url, "postgres", "", 0)
                        .withPool(8, Duration.ofSeconds(2))
                        .withKeys(Map.of(), Set.of()));
                ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newHttpClient();
            URI execute = URI.create(proxy.endpoint() + "/Execute");
            for (int w = 0; w < 16; w++) {
                writers.submit(() -> {
                    while (running.get()) {
                        long id = ids.incrementAndGet();
                        String body = "{\"resourceArn\":\"" + CLUSTER + "\",\"secretArn\":\"" + SECRET + "\","
                                + "\"sql\":\"insert into event (id) values (" + id + ")\"}";
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(execute)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            acknowledged.put(id, true);
                        } else {
                            String type =
                                    r.headers().firstValue("x-amzn-ErrorType").orElse("?") + " " + r.statusCode();
                            errors.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
                            Thread.sleep(20);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(1500);
            long beforeRestart = acknowledged.size();
            pg.close(); // the database goes away under load
            Thread.sleep(1000);
            pg = start(data, port);
            Thread.sleep(3000);
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            long afterRestart = acknowledged.size() - beforeRestart;

            System.out.printf(
                    "acknowledged %d before and %d after the restart; errors %s%n",
                    beforeRestart, afterRestart, errors);
            assertThat(beforeRestart).isPositive();
            assertThat(afterRestart).as("the proxy serves again by itself").isPositive();
            assertThat(errors.keySet())
                    .as("only retryable errors")
                    .allMatch(t -> t.equals("ServiceUnavailableError 503"));
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("select id from event")) {
                java.util.Set<Long> stored = new java.util.HashSet<>();
                while (rs.next()) stored.add(rs.getLong(1));
                assertThat(stored).as("every acknowledged insert").containsAll(acknowledged.keySet());
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }
}
