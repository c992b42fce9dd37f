package dev.slipway.dataapi;

import static dev.slipway.dataapi.RdsDataClientIT.CLUSTER;
import static dev.slipway.dataapi.RdsDataClientIT.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dataapi.internal.DataApiException;
import dev.slipway.dataapi.internal.Pools;
import dev.slipway.dataapi.internal.Transactions;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The proxy's own limits and endpoints: pool exhaustion, transaction expiry, metrics, health, bad requests. */
class OperationsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(DataApiServer proxy, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(proxy.endpoint() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String request(String extra) {
        return "{\"resourceArn\":\"" + CLUSTER + "\",\"secretArn\":\"" + SECRET + "\"" + extra + "}";
    }

    @Test
    void aFullPool_answersServiceUnavailableAfterTheBorrowTimeout_insteadOfHanging() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(
                        DataApiConfig.development(db.url(), db.user(), "", 0).withPool(1, Duration.ofMillis(300)))) {
            HttpResponse<String> begun = post(proxy, "/BeginTransaction", request(""));
            assertThat(begun.statusCode()).isEqualTo(200);

            long started = System.nanoTime();
            HttpResponse<String> starved = post(proxy, "/Execute", request(",\"sql\":\"select 1\""));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(starved.statusCode()).isEqualTo(503);
            assertThat(starved.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableError");
            assertThat(millis).isLessThan(5_000);
        }
    }

    @Test
    void badRequests_getAwsErrorTypes_andMetricsAndHealthAreServed() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0))) {
            assertThat(post(proxy, "/Execute", "not json").statusCode()).isEqualTo(400);
            assertThat(post(proxy, "/Execute", request("")).body()).contains("BadRequestException", "sql is required");
            assertThat(post(proxy, "/Execute", "{\"sql\":\"select 1\"}").body()).contains("resourceArn is required");
            assertThat(post(proxy, "/ExecuteSql", request("")).body()).contains("deprecated");
            assertThat(post(proxy, "/Execute", request(",\"sql\":\"select :missing\""))
                            .body())
                    .contains("no parameter has that name");
            assertThat(post(proxy, "/CommitTransaction", request(",\"transactionId\":\"nope\""))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(post(proxy, "/Execute", request(",\"sql\":\"select 1\"")).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body())
                    .contains("dataapi_requests_seconds_count{operation=\"ExecuteStatement\",outcome=\"ok\"} 1")
                    .contains("outcome=\"BadRequestException\"")
                    .contains("dataapi_requests_seconds_bucket")
                    .contains("dataapi_transactions_open")
                    .contains("hikaricp_connections_active")
                    .contains("dataapi_statements_total");
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void aSlowStatement_isStoppedAtTheTimeout_unlessContinueAfterTimeout_andOversizedAnswersAreRefused()
            throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withStatementTimeout(Duration.ofSeconds(1)))) {
            HttpResponse<String> stopped = post(proxy, "/Execute", request(",\"sql\":\"select pg_sleep(3)\""));
            assertThat(stopped.statusCode()).isEqualTo(400);
            assertThat(stopped.headers().firstValue("x-amzn-ErrorType")).hasValue("StatementTimeoutException");

            HttpResponse<String> continued =
                    post(proxy, "/Execute", request(",\"sql\":\"select pg_sleep(1.5)\",\"continueAfterTimeout\":true"));
            assertThat(continued.statusCode()).isEqualTo(200);

            HttpResponse<String> big = post(
                    proxy, "/Execute", request(",\"sql\":\"select repeat('x', 1000) from generate_series(1, 2000)\""));
            assertThat(big.statusCode()).isEqualTo(400);
            assertThat(big.body()).contains("more than the allowed response size limit");
        }
    }

    @Test
    void configuredTargets_areChosenByTheirArns_andAnUnknownArnIsNotFound() throws Exception {
        try (TestDatabase pg = TestServers.postgres().createDatabase();
                TestDatabase my = TestServers.mysql().createDatabase()) {
            java.util.Map<String, String> settings = new java.util.HashMap<>();
            settings.put("slipway.data-api.port", "0");
            settings.put("slipway.data-api.target.orders.resource-arn", "arn:aws:rds:us-east-1:1:cluster:orders");
            settings.put("slipway.data-api.target.orders.url", pg.url());
            settings.put("slipway.data-api.target.orders.user", pg.user());
            settings.put("slipway.data-api.target.users.resource-arn", "arn:aws:rds:us-east-1:1:cluster:users");
            settings.put(
                    "slipway.data-api.target.users.secret-json",
                    "{\"username\":\"" + my.user()
                            + "\",\"password\":\"\",\"host\":\"127.0.0.1\",\"port\":3306,\"dbname\":\"" + my.name()
                            + "\",\"engine\":\"mysql\"}");
            try (DataApiServer proxy = DataApiServer.start(DataApiConfig.fromSettings(settings))) {
                String version = ",\"sql\":\"select version()\",\"secretArn\":\"" + SECRET + "\"";
                HttpResponse<String> orders = post(
                        proxy,
                        "/Execute",
                        "{\"resourceArn\":\"arn:aws:rds:us-east-1:1:cluster:orders\"" + version + "}");
                HttpResponse<String> users = post(
                        proxy,
                        "/Execute",
                        "{\"resourceArn\":\"arn:aws:rds:us-east-1:1:cluster:users\"" + version + "}");
                HttpResponse<String> unknown = post(
                        proxy,
                        "/Execute",
                        "{\"resourceArn\":\"arn:aws:rds:us-east-1:1:cluster:other\"" + version + "}");
                assertThat(orders.body()).contains("PostgreSQL");
                assertThat(users.statusCode()).isEqualTo(200);
                assertThat(users.body()).contains("stringValue").doesNotContain("PostgreSQL");
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).hasValue("NotFoundException");
            }
        }
    }

    @Test
    void listeningBeyondLoopback_withoutKeys_isRefusedWithTheFix() {
        java.util.Map<String, String> settings = java.util.Map.of(
                "slipway.url", "jdbc:postgresql://127.0.0.1:5432/app", "slipway.data-api.bind", "0.0.0.0");
        assertThatThrownBy(() -> DataApiConfig.fromSettings(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0 with no authentication")
                .hasMessageContaining("SLIPWAY_DATA_API_API_KEYS");
        java.util.Map<String, String> withKey = new java.util.HashMap<>(settings);
        withKey.put("slipway.data-api.api-keys", "k1");
        assertThat(DataApiConfig.fromSettings(withKey).authenticationRequired()).isTrue();
    }

    @Test
    void aTransactionIdleForThreeMinutes_isRolledBack_andItsIdIsThenNotFound() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        try (TestDatabase db = TestServers.postgres().createDatabase();
                Pools pools = new Pools(2, 2, Duration.ofSeconds(2), new SimpleMeterRegistry());
                Transactions transactions = new Transactions(clock, 1)) {
            Pools.Key key = new Pools.Key(new DataApiConfig.Target(null, null, db.url(), db.user(), ""), null);
            String id = transactions.begin(key, "k", k -> pools.borrow(k, "k"));
            transactions.use(id, "k", key, (c, k) -> c.createStatement().execute("create table t (id int)"));

            clock.advance(Duration.ofMinutes(2));
            transactions.expire();
            assertThat(transactions.count()).isEqualTo(1);
            transactions.use(id, "k", key, (c, k) -> c.createStatement().execute("insert into t values (1)"));

            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            transactions.expire();
            assertThat(transactions.count()).isZero();
            assertThatThrownBy(() -> transactions.use(id, "k", key, (c, k) -> true))
                    .isInstanceOf(DataApiException.class)
                    .hasMessageContaining("is not found");
            try (var c = db.connect();
                    var rs = c.getMetaData().getTables(null, "public", "t", null)) {
                assertThat(rs.next()).as("the rolled back transaction's table").isFalse();
            }
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
