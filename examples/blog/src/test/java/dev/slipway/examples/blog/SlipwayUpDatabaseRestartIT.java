package dev.slipway.examples.blog;

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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code slipway up} under a steady load while its database stops for a second and starts again on the same port
 * and data (an embedded PostgreSQL this test controls): requests in the outage get 503 with the retry hint, never a
 * 500; the API function reconnects by itself (nothing is restarted but the database); every author that was
 * answered 201 is in the database afterwards.
 */
class SlipwayUpDatabaseRestartIT {

    private static final Path CLI_JAR = Path.of("../../slipway-cli/target/slipway-cli.jar");
    private static final Pattern URL = Pattern.compile("Slipway is up: (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void aDatabaseRestartUnderLoad_gives503sOnly_thenServesAgain_andLosesNoAcknowledgedCreate() throws Exception {
        Path data = Files.createTempDirectory("slipway-up-restart-pg");
        int dbPort;
        try (ServerSocket s = new ServerSocket(0)) {
            dbPort = s.getLocalPort();
        }
        EmbeddedPostgres pg = start(data, dbPort);
        Path log = Files.createTempFile("slipway-up-restart", ".log");
        Process up = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        CLI_JAR.toString(),
                        "up",
                        "--port",
                        "0",
                        "--url",
                        "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                        "--user",
                        "postgres")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong ids = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            String url = awaitUrl(up, log);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int c = 0; c < 6; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String email = "load" + ids.incrementAndGet() + "@example.com";
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(url + "/authors"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"email\":\"" + email + "\",\"name\":\"Load\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        String kind = r.statusCode() + (r.statusCode() >= 400 ? " " + errorOf(r.body()) : "");
                        answers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                        if (r.statusCode() == 201) acknowledged.put(email, true);
                        else Thread.sleep(50);
                    }
                    return null;
                });
            }
            Thread.sleep(3000);
            long beforeRestart = acknowledged.size();
            pg.close(); // the database goes away under load
            Thread.sleep(1500);
            pg = start(data, dbPort);
            Thread.sleep(6000);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            long afterRestart = acknowledged.size() - beforeRestart;
            System.out.printf(
                    "created %d before and %d after the restart; answers %s%n", beforeRestart, afterRestart, answers);
            assertThat(beforeRestart).isPositive();
            assertThat(afterRestart).as("the function serves again by itself").isPositive();
            assertThat(answers.keySet())
                    .as("201, or 503 'unavailable' while the database is away; never a 500")
                    .allMatch(k -> k.equals("201") || k.equals("503 unavailable"));
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("select email from author")) {
                Set<String> stored = new HashSet<>();
                while (rs.next()) stored.add(rs.getString(1));
                assertThat(stored).as("every acknowledged create").containsAll(acknowledged.keySet());
            }
        } finally {
            running.set(false);
            up.destroy();
            up.waitFor(20, TimeUnit.SECONDS);
            pg.close();
        }
    }

    private static String errorOf(String body) {
        Matcher m = Pattern.compile("\"error\":\"([a-z_]+)\"").matcher(body);
        return m.find() ? m.group(1) : "(no JSON error)";
    }

    private static String awaitUrl(Process up, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            if (!up.isAlive()) throw new AssertionError("slipway up ended: " + Files.readString(log));
            Thread.sleep(200);
        }
        throw new AssertionError("slipway up did not start: " + Files.readString(log));
    }

    private static EmbeddedPostgres start(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }
}
