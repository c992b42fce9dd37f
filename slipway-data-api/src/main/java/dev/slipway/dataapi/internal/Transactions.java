package dev.slipway.dataapi.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions across requests: BeginTransaction pins one pooled connection to an opaque id; calls with that id
 * use it, one at a time. As AWS documents (BeginTransaction): a transaction no call has used for 3 minutes is
 * rolled back, and any after 24 hours. An unknown, ended, expired or aborted id is TransactionNotFoundException,
 * and so is an id used by another caller (API key or access key), for another target or another database: a
 * transaction belongs to who began it. A caller may hold at most {@code maxPerCaller} open at once. When a
 * transaction ends its connection is reset ({@link Lease}) before anyone else gets it.
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
        final Lease lease;
        final Pools.Key key;
        final String caller;
        final Instant started;
        final ReentrantLock busy = new ReentrantLock();
        volatile Instant lastUsed;

        Open(Lease lease, Pools.Key key, String caller, Instant now) {
            this.lease = lease;
            this.key = key;
            this.caller = caller;
            this.started = now;
            this.lastUsed = now;
        }
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxPerCaller;

    public Transactions(Clock clock, int maxPerCaller) {
        this.clock = clock;
        this.maxPerCaller = maxPerCaller;
    }

    /**
     * Begins a transaction of {@code caller} on a connection {@code borrow} lends, after taking one of the caller's
     * transaction slots (refused past its limit, before any connection is borrowed).
     */
    public String begin(Pools.Key key, String caller, java.util.function.Function<Pools.Key, Lease> borrow)
            throws SQLException {
        AtomicInteger held = perCaller.computeIfAbsent(caller, c -> new AtomicInteger());
        if (held.incrementAndGet() > maxPerCaller) {
            held.decrementAndGet();
            throw DataApiException.badRequest("This key already has " + maxPerCaller + " open transactions, its limit"
                    + " (slipway.data-api.max-transactions-per-key): end one with CommitTransaction or"
                    + " RollbackTransaction first.");
        }
        Lease lease = null;
        try {
            lease = borrow.apply(key);
            lease.connection().setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            held.decrementAndGet();
            if (lease != null) lease.close();
            throw e;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(id, new Open(lease, key, caller, clock.instant()));
        return id;
    }

    /**
     * Runs {@code work} on the transaction's connection; an error in it aborts (rolls back) the transaction. {@code key}
     * is the request's target and database (null when it names none).
     */
    public <T> T use(String id, String caller, Pools.Key key, Work<T> work) {
        Open tx = find(id, caller, key);
        if (!tx.busy.tryLock()) {
            throw DataApiException.databaseError("Transaction is still running a query", null);
        }
        try {
            if (open.get(id) != tx) throw DataApiException.transactionNotFound(id, "");
            tx.lastUsed = clock.instant();
            return work.on(tx.lease.connection(), tx.key);
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

    public void commit(String id, String caller, Pools.Key key) {
        Open tx = find(id, caller, key);
        tx.busy.lock();
        try {
            if (open.get(id) != tx) throw DataApiException.transactionNotFound(id, "");
            tx.lease.connection().commit();
            end(id, tx, true);
        } catch (SQLException e) {
            end(id, tx, false);
            throw Statements.databaseError(e);
        } finally {
            tx.busy.unlock();
        }
    }

    public void rollback(String id, String caller, Pools.Key key) {
        Open tx = find(id, caller, key);
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

    /**
     * The open transaction {@code id} of {@code caller} on {@code key}'s target (and database, when the request
     * names one); another caller's, target's or database's is answered as unknown, not as forbidden, so that ids
     * cannot be probed.
     */
    private Open find(String id, String caller, Pools.Key key) {
        if (id == null || id.isBlank()) throw DataApiException.badRequest("transactionId is required.");
        Open tx = open.get(id);
        boolean theirs = tx != null
                && tx.caller.equals(caller)
                && tx.key.target().equals(key.target())
                && (key.database() == null || key.database().equals(tx.key.database()));
        if (!theirs) {
            throw DataApiException.transactionNotFound(
                    id, " (unknown, already committed or rolled back, idle for 3 minutes, or aborted by an error)");
        }
        return tx;
    }

    private void end(String id, Open tx, boolean committed) {
        if (!open.remove(id, tx)) return;
        perCaller.get(tx.caller).decrementAndGet();
        Connection c = tx.lease.connection();
        try {
            if (!committed) c.rollback();
        } catch (SQLException e) {
            LOG.warn("Rolling back transaction {} failed (SQLState {})", shortId(id), e.getSQLState());
        } finally {
            tx.lease.close(); // resets the session, or closes the connection when it cannot
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
