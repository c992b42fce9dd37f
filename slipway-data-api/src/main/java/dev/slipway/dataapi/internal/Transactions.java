package dev.slipway.dataapi.internal;

import dev.slipway.core.Engine;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions across requests: BeginTransaction pins one pooled connection to an opaque id; calls with that id
 * use it, one at a time. As AWS documents (BeginTransaction): a transaction no call has used for 3 minutes is
 * rolled back, and any after 24 hours. An unknown, ended, expired or aborted id is TransactionNotFoundException.
 */
public final class Transactions implements AutoCloseable {

    public static final Duration IDLE_LIMIT = Duration.ofMinutes(3);
    public static final Duration LIFETIME = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A work unit on a transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection, Pools.Key key) throws SQLException;
    }

    private static final class Open {
        final Connection connection;
        final Pools.Key key;
        final Instant started;
        final ReentrantLock busy = new ReentrantLock();
        volatile Instant lastUsed;

        Open(Connection connection, Pools.Key key, Instant now) {
            this.connection = connection;
            this.key = key;
            this.started = now;
            this.lastUsed = now;
        }
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Clock clock;

    public Transactions(Clock clock) {
        this.clock = clock;
    }

    public String begin(Connection connection, Pools.Key key) throws SQLException {
        connection.setAutoCommit(false);
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(id, new Open(connection, key, clock.instant()));
        return id;
    }

    /** Runs {@code work} on the transaction's connection; an error in it aborts (rolls back) the transaction. */
    public <T> T use(String id, Work<T> work) {
        Open tx = find(id);
        if (!tx.busy.tryLock()) {
            throw DataApiException.databaseError("Transaction is still running a query", null);
        }
        try {
            if (open.get(id) != tx) throw DataApiException.transactionNotFound(id, "");
            tx.lastUsed = clock.instant();
            return work.on(tx.connection, tx.key);
        } catch (SQLException e) {
            end(id, tx, false);
            throw Statements.databaseError(e);
        } catch (RuntimeException e) {
            end(id, tx, false);
            throw e;
        } finally {
            tx.lastUsed = clock.instant();
            tx.busy.unlock();
        }
    }

    public void commit(String id) {
        Open tx = find(id);
        tx.busy.lock();
        try {
            if (open.get(id) != tx) throw DataApiException.transactionNotFound(id, "");
            tx.connection.commit();
            end(id, tx, true);
        } catch (SQLException e) {
            end(id, tx, false);
            throw Statements.databaseError(e);
        } finally {
            tx.busy.unlock();
        }
    }

    public void rollback(String id) {
        Open tx = find(id);
        tx.busy.lock();
        try {
            if (open.get(id) != tx) throw DataApiException.transactionNotFound(id, "");
            end(id, tx, false);
        } finally {
            tx.busy.unlock();
        }
    }

    public int count() {
        return open.size();
    }

    /** Rolls back what has been idle past {@link #IDLE_LIMIT} or open past {@link #LIFETIME}. */
    public void expire() {
        Instant now = clock.instant();
        open.forEach((id, tx) -> {
            boolean idle = Duration.between(tx.lastUsed, now).compareTo(IDLE_LIMIT) > 0;
            boolean old = Duration.between(tx.started, now).compareTo(LIFETIME) > 0;
            if ((idle || old) && tx.busy.tryLock()) {
                try {
                    LOG.info(
                            "Rolling back transaction {}: {}",
                            shortId(id),
                            idle ? "idle for 3 minutes" : "open 24 hours");
                    end(id, tx, false);
                } finally {
                    tx.busy.unlock();
                }
            }
        });
    }

    private Open find(String id) {
        if (id == null || id.isBlank()) throw DataApiException.badRequest("transactionId is required.");
        Open tx = open.get(id);
        if (tx == null) {
            throw DataApiException.transactionNotFound(
                    id, " (unknown, already committed or rolled back, idle for 3 minutes, or aborted by an error)");
        }
        return tx;
    }

    private void end(String id, Open tx, boolean committed) {
        if (!open.remove(id, tx)) return;
        try (Connection c = tx.connection) {
            if (!committed) c.rollback();
            c.setAutoCommit(true);
            resetSession(c, Pools.engine(tx.key));
        } catch (SQLException e) {
            LOG.warn("Ending transaction {} failed ({}); its connection is closed", shortId(id), e.getSQLState());
        }
    }

    /**
     * What a transaction's client may have left on its connection before it goes back to the pool for others:
     * session-level locks (PostgreSQL advisory locks, MySQL named locks) and, on PostgreSQL, settings made with
     * {@code SET} (back to the values the connection started with, so the sessions' UTC time zone stays).
     */
    private static void resetSession(Connection c, Engine engine) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (engine == Engine.POSTGRESQL) {
                s.execute("reset all");
                s.execute("select pg_advisory_unlock_all()");
            } else {
                s.execute("select release_all_locks()"); // MySQL 5.7+, MariaDB 10.5+
            }
        }
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    /** Rolls back every open transaction (shutdown). */
    @Override
    public void close() {
        open.forEach((id, tx) -> end(id, tx, false));
    }
}
