package dev.slipway.examples.blog.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sixteen containers (each its own handler and database connection, as sixteen Lambda instances are) create the
 * same author at the same moment: the database's unique key decides, so exactly one gets 201 and the others 409,
 * never a 500, whatever the race between a check and an insert.
 */
class BlogApiConcurrencyIT {

    private static final int CONTAINERS = 16;

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void concurrentCreatesOfOneEmail_giveOne201_andOnly409sBesides(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            BlogApiIT.migrated(db).close();
            List<Api> containers = new ArrayList<>();
            for (int i = 0; i < CONTAINERS; i++) containers.add(new Api(new BlogApi(BlogApiIT.migratedAlready(db))));
            // each container connects before the race, so the race is the inserts, not the connects
            for (Api api : containers)
                assertThat(api.call("GET", "/authors?limit=1", null).status()).isEqualTo(200);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CONTAINERS);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Api api : containers) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.call("POST", "/authors", "{\"email\":\"same@example.com\",\"name\":\"Racer\"}")
                            .status();
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : statuses) got.add(f.get());
            pool.shutdown();
            assertThat(got).filteredOn(s -> s == 201).hasSize(1);
            assertThat(got).filteredOn(s -> s == 409).hasSize(CONTAINERS - 1);
            try (Connection c = db.connect();
                    ResultSet rs = c.createStatement()
                            .executeQuery("select count(*) from author where email = 'same@example.com'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
