package dev.slipway.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseWaiterIT {

    /** A clock that only moves when the waiter sleeps, so the test is exact and instant. */
    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }
    }

    @Test
    void connect_endsAtTheDeadline_withAClearMessage_whenNothingListens() throws Exception {
        // GIVEN a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SteppingClock clock = new SteppingClock();
        List<String> progress = new ArrayList<>();
        DatabaseWaiter waiter = new DatabaseWaiter(clock, clock::sleep, progress::add);
        DatabaseTarget config = DatabaseTarget.builder()
                .url("jdbc:postgresql://127.0.0.1:" + port + "/app?password=hunter2")
                .user("app")
                .connectTimeout(Duration.ofSeconds(20))
                .build();

        // WHEN it waits / THEN it gives up within the budget, backing off exponentially up to 5 s
        assertThatThrownBy(() -> waiter.connect(config))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(MigrateErrorCode.UNREACHABLE))
                .hasMessageContaining("did not accept connections within 20 s")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("SLIPWAY_CONNECT_TIMEOUT_SECONDS")
                .hasMessageNotContaining("hunter2");
        assertThat(clock.sleeps).startsWith(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(clock.sleeps).allMatch(d -> d.compareTo(Duration.ofSeconds(5)) <= 0);
        assertThat(clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus))
                .isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("Waiting for the database"));
    }

    @Test
    void connect_failsAtOnce_onWrongCredentials() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            SteppingClock clock = new SteppingClock();
            DatabaseTarget config = DatabaseTarget.builder()
                    .url(db.url())
                    .user("nobody")
                    .password("wrong")
                    .build();

            assertThatThrownBy(() -> new DatabaseWaiter(clock, clock::sleep, s -> {}).connect(config))
                    .satisfies(
                            e -> assertThat(((MigrateException) e).code()).isEqualTo(MigrateErrorCode.AUTHENTICATION))
                    .hasMessageContaining("refused user 'nobody'")
                    .hasMessageNotContaining("wrong'");
            assertThat(clock.sleeps).isEmpty();
        }
    }

    @Test
    void connect_succeedsOnTheFirstTry_whenTheDatabaseIsUp() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            SteppingClock clock = new SteppingClock();
            try (Connection c = new DatabaseWaiter(clock, clock::sleep, s -> {}).connect(Project.config(db))) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(clock.sleeps).isEmpty();
        }
    }
}
