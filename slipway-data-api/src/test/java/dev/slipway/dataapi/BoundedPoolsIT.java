package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.dataapi.internal.Lease;
import dev.slipway.dataapi.internal.Pools;
import dev.slipway.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pools are bounded: only configured databases get one, an idle one is closed, one key cannot take a whole pool or
 * another key's transaction, and a refused login or a missing database is told from a busy pool.
 */
class BoundedPoolsIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void onlyConfiguredDatabases_getAPool_andOthersAreRefusedNamingTheSetting(String engine) throws Exception {
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                TestDatabase other = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withDatabases(Set.of(other.name(), "slipway_it_missing")))) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            String current = engine.equals("postgresql") ? "select current_database()" : "select database()";

            assertThat(calls.call(
                                    "/Execute",
                                    ProxyCalls.body().put("sql", current).put("database", other.name()))
                            .first())
                    .isEqualTo(other.name());
            ProxyCalls.Answer unknown =
                    calls.call("/Execute", ProxyCalls.body().put("sql", current).put("database", "somewhere_else"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.errorType()).isEqualTo("BadRequestException");
            assertThat(unknown.message()).contains("somewhere_else", "slipway.data-api.databases");

            ProxyCalls.Answer missing =
                    calls.call("/Execute", ProxyCalls.body().put("sql", current).put("database", "slipway_it_missing"));
            assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
            assertThat(missing.message()).contains("does not exist");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void databasesAWildcardNamesButTheServerLacks_leaveNoPoolBehind(String engine) throws Exception {
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = DataApiServer.start(
                        DataApiConfig.development(db.url(), db.user(), "", 0).withDatabases(Set.of("ghost_*")))) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            for (int i = 0; i < 30; i++) {
                ProxyCalls.Answer answer = calls.call(
                        "/Execute", ProxyCalls.body().put("sql", "select 1").put("database", "ghost_" + i));
                assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
                assertThat(answer.message()).contains("does not exist");
            }
            assertThat(calls.execute("select 1").status()).isEqualTo(200);
            assertThat(proxy.openPools())
                    .as("only the URL's database has a pool")
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void aRefusedLogin_isNotRetryable_andSaysWhatToFix(String engine) throws Exception {
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy =
                        DataApiServer.start(DataApiConfig.development(db.url(), "slipway_no_such_user", "wrong", 0)
                                .withPool(2, Duration.ofSeconds(2)))) {
            ProxyCalls.Answer answer = new ProxyCalls(proxy.endpoint(), null).execute("select 1");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorType()).isEqualTo("BadRequestException");
            assertThat(answer.message())
                    .contains("refused the proxy's login", "password")
                    .doesNotContain("wrong");
        }
    }

    @Test
    void oneKey_cannotHoldThePoolOrUseAnotherKeysTransaction() throws Exception {
        try (TestDatabase db = SessionIsolationIT.server("postgresql").createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of(), Set.of("key-a", "key-b"))
                        .withPool(3, Duration.ofMillis(500))
                        .withLimits(new DataApiLimits(
                                2, 1, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 256)))) {
            ProxyCalls a = new ProxyCalls(proxy.endpoint(), "key-a");
            ProxyCalls b = new ProxyCalls(proxy.endpoint(), "key-b");

            String txA = a.begin();
            ProxyCalls.Answer secondOfA = a.call("/BeginTransaction", ProxyCalls.body());
            assertThat(secondOfA.status()).isEqualTo(400);
            assertThat(secondOfA.message()).contains("slipway.data-api.max-transactions-per-key");

            ProxyCalls.Answer stolen = b.execute("select 1", txA);
            assertThat(stolen.status()).isEqualTo(404);
            assertThat(stolen.errorType()).isEqualTo("TransactionNotFoundException");
            assertThat(b.commit(txA).errorType()).isEqualTo("TransactionNotFoundException");

            String txB = b.begin();
            assertThat(b.execute("select 1", txB).status()).isEqualTo(200);
            assertThat(a.execute("select 1").status())
                    .as("a's second connection")
                    .isEqualTo(200);
            assertThat(a.commit(txA).status()).isEqualTo(200);
            assertThat(b.commit(txB).status()).isEqualTo(200);
        }
    }

    @Test
    void aKeyAtItsConnectionLimit_waitsThenGetsARetryableAnswer_whileAnotherKeyIsServed() throws Exception {
        try (TestDatabase db = SessionIsolationIT.server("postgresql").createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of(), Set.of("key-a", "key-b"))
                        .withPool(2, Duration.ofMillis(300))
                        .withLimits(new DataApiLimits(
                                1, 1, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 256)))) {
            ProxyCalls a = new ProxyCalls(proxy.endpoint(), "key-a");
            String txA = a.begin(); // holds key-a's one connection

            ProxyCalls.Answer blocked = a.execute("select 1");
            assertThat(blocked.status()).isEqualTo(503);
            assertThat(blocked.errorType()).isEqualTo("ServiceUnavailableError");
            assertThat(blocked.message()).contains("max-connections-per-key");
            assertThat(new ProxyCalls(proxy.endpoint(), "key-b")
                            .execute("select 2")
                            .first())
                    .isEqualTo("2");
            a.rollback(txA);
        }
    }

    @Test
    void aPoolNoRequestUsedForTenMinutes_isClosed_andMadeAgainOnTheNextRequest() throws Exception {
        AtomicLong now = new AtomicLong();
        try (TestDatabase db = SessionIsolationIT.server("postgresql").createDatabase();
                Pools pools = new Pools(2, 2, Duration.ofSeconds(2), new SimpleMeterRegistry(), now::get)) {
            Pools.Key key = new Pools.Key(new DataApiConfig.Target(null, null, db.url(), db.user(), ""), null);
            try (Lease lease = pools.borrow(key, "k")) {
                now.addAndGet(Duration.ofMinutes(11).toNanos());
                pools.closeIdle();
                assertThat(pools.all()).as("a pool with a connection out").hasSize(1);
            }
            now.addAndGet(Duration.ofMinutes(9).toNanos());
            pools.closeIdle();
            assertThat(pools.all()).as("used 9 minutes ago").hasSize(1);
            now.addAndGet(Duration.ofMinutes(2).toNanos());
            pools.closeIdle();
            assertThat(pools.all()).isEmpty();
            try (Lease again = pools.borrow(key, "k")) {
                assertThat(again.connection().isValid(2)).isTrue();
            }
        }
    }
}
