package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.RestartableDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code slipway up} under a steady load while its database stops for a second and starts again on the same port
 * and data (an embedded PostgreSQL or MariaDB this test controls): requests in the outage get 503 with the retry
 * hint, never a 500; the API function reconnects by itself (nothing is restarted but the database); every author
 * that was answered 201 is in the database afterwards.
 */
class SlipwayUpDatabaseRestartIT {

    static Stream<String> engines() {
        return Stream.of("postgresql", "mysql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDatabaseRestartUnderLoad_gives503sOnly_thenServesAgain_andLosesNoAcknowledgedCreate(String engine)
            throws Exception {
        RestartableDatabase db =
                engine.equals("postgresql") ? RestartableDatabase.postgres() : RestartableDatabase.mariaDb();
        SlipwayUpProcess up = SlipwayUpProcess.start("--url", db.url(), "--user", db.user());
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong ids = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            String url = up.awaitUrl();
            String token = SlipwayUpProcess.token("it");
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
                                        .header("Authorization", "Bearer " + token)
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
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 20 && System.nanoTime() < warm) Thread.sleep(100); // functions started
            Thread.sleep(500);
            long beforeRestart = acknowledged.size();
            db.stop(); // the database goes away under load
            Thread.sleep(1500);
            db.start();
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
                    .as(
                            "201, or 503 'unavailable' while the database is away; never a 500; errors logged: %s",
                            String.join(
                                    "\n",
                                    up.output().stream()
                                            .filter(l -> l.contains("\"level\":\"ERROR\""))
                                            .limit(5)
                                            .toList()))
                    .allMatch(k -> k.equals("201") || k.equals("503 unavailable"));
            try (Connection c = db.connect();
                    ResultSet rs = c.createStatement().executeQuery("select email from author")) {
                Set<String> stored = new HashSet<>();
                while (rs.next()) stored.add(rs.getString(1));
                assertThat(stored).as("every acknowledged create").containsAll(acknowledged.keySet());
            }
        } finally {
            running.set(false);
            up.close();
            db.close();
        }
    }

    private static String errorOf(String body) {
        Matcher m = Pattern.compile("\"error\":\"([a-z_]+)\"").matcher(body);
        return m.find() ? m.group(1) : "(no JSON error)";
    }
}
