package dev.slipway.dataapi.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.slipway.core.DatabaseConnector;
import dev.slipway.core.Engine;
import dev.slipway.core.JdbcUrls;
import dev.slipway.dataapi.DataApiConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HikariCP pool per target and database, made on first use and closed after {@link #IDLE_POOL_LIMIT} unused.
 * Only the databases a target is configured for get a pool ({@link DataApiConfig.Target#serves}). Each caller (an API key or access
 * key) may hold at most {@code maxConnectionsPerKey} of a pool's connections. Sessions run at UTC on both engines,
 * as Aurora's do; every connection comes back reset ({@link Lease}).
 */
public final class Pools implements AutoCloseable {

    public static final Duration IDLE_POOL_LIMIT = Duration.ofMinutes(10);
    /** At most this many databases have a pool at once (wildcards in the databases setting can name many). */
    public static final int MAX_POOLS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

    /** A database of a target, as a request selects it. */
    public record Key(DataApiConfig.Target target, String database) {}

    private static final class Pool {
        final HikariDataSource dataSource;
        final Map<String, Semaphore> perCaller = new ConcurrentHashMap<>();
        final AtomicInteger leases = new AtomicInteger();
        volatile long lastUsed;

        Pool(HikariDataSource dataSource, long now) {
            this.dataSource = dataSource;
            this.lastUsed = now;
        }
    }

    private final Map<Key, Pool> pools = new ConcurrentHashMap<>();
    private final int maxConnections;
    private final int maxConnectionsPerKey;
    private final Duration borrowTimeout;
    private final io.micrometer.core.instrument.MeterRegistry metrics;
    private final LongSupplier nanoTime;
    private final Logins logins;

    public Pools(
            int maxConnections,
            int maxConnectionsPerKey,
            Duration borrowTimeout,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this(maxConnections, maxConnectionsPerKey, borrowTimeout, metrics, System::nanoTime);
    }

    /** With a clock of its own ({@code nanoTime}), so that a test can let pools grow idle. */
    public Pools(
            int maxConnections,
            int maxConnectionsPerKey,
            Duration borrowTimeout,
            io.micrometer.core.instrument.MeterRegistry metrics,
            LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.logins = new Logins(nanoTime);
        this.maxConnections = maxConnections;
        this.maxConnectionsPerKey = maxConnectionsPerKey;
        this.borrowTimeout = borrowTimeout;
        this.metrics = metrics;
    }

    /** The engine of a target, from its JDBC URL. */
    public static Engine engine(Key key) {
        return Engine.fromJdbcUrl(key.target().url());
    }

    /** A connection of {@code key}'s pool for {@code caller}, who must close the lease. */
    public Lease borrow(Key key, String caller) {
        if (!pools.containsKey(key) && pools.size() >= MAX_POOLS) {
            closeIdle();
            if (pools.size() >= MAX_POOLS) {
                throw DataApiException.unavailable(
                        "The proxy has " + pools.size() + " database pools open, its limit;"
                                + " retry when one has been idle for " + IDLE_POOL_LIMIT.toMinutes() + " minutes.",
                        null);
            }
        }
        Pool pool;
        try {
            pool = pools.compute(key, (k, p) -> {
                Pool live = p != null ? p : new Pool(open(k), nanoTime.getAsLong());
                live.leases.incrementAndGet();
                return live;
            });
        } catch (FirstConnectionFailed e) {
            // no pool is kept, so a wrong name or login leaves nothing behind; the next request tries again
            throw ConnectFailures.explain(e.failure, null, borrowTimeout, describe(key));
        }
        Semaphore permits = pool.perCaller.computeIfAbsent(caller, c -> new Semaphore(maxConnectionsPerKey));
        boolean permitted = false;
        try {
            permitted = permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!permitted) {
                throw DataApiException.unavailable(
                        "This key holds all " + maxConnectionsPerKey + " connections it may use of "
                                + describe(key) + " (slipway.data-api.max-connections-per-key); retry when one of"
                                + " its requests or transactions ends.",
                        null);
            }
            Connection c;
            try {
                c = pool.dataSource.getConnection();
            } catch (SQLException e) {
                if (!logins.refresh(key.target(), e)) {
                    throw ConnectFailures.explain(e, pool.dataSource, borrowTimeout, describe(key));
                }
                try { // the secret holds a new login (rotated); the pool's next connection uses it
                    c = pool.dataSource.getConnection();
                } catch (SQLException again) {
                    throw ConnectFailures.explain(again, pool.dataSource, borrowTimeout, describe(key));
                }
            }
            try {
                return new Lease(c, engine(key), pool.dataSource, () -> returned(pool, permits));
            } catch (SQLException e) {
                pool.dataSource.evictConnection(c);
                throw Statements.databaseError(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.leases.decrementAndGet();
            throw DataApiException.unavailable("The request was cancelled while waiting for a connection.", e);
        } catch (RuntimeException e) {
            if (permitted) permits.release();
            pool.leases.decrementAndGet();
            throw e;
        }
    }

    private void returned(Pool pool, Semaphore permits) {
        permits.release();
        pool.lastUsed = nanoTime.getAsLong();
        pool.leases.decrementAndGet();
    }

    /** Closes the pools no request has used for {@link #IDLE_POOL_LIMIT}. */
    public void closeIdle() {
        long now = nanoTime.getAsLong();
        for (Key key : pools.keySet()) {
            HikariDataSource[] closed = new HikariDataSource[1];
            pools.computeIfPresent(key, (k, p) -> {
                boolean idle = p.leases.get() == 0 && now - p.lastUsed > IDLE_POOL_LIMIT.toNanos();
                if (!idle) return p;
                closed[0] = p.dataSource;
                return null;
            });
            if (closed[0] != null) {
                LOG.info("Closing the idle pool of {}", describe(key));
                closed[0].close();
            }
        }
    }

    /** The pools, for metrics. */
    public Map<Key, HikariDataSource> all() {
        Map<Key, HikariDataSource> out = new java.util.HashMap<>();
        pools.forEach((k, p) -> out.put(k, p.dataSource));
        return out;
    }

    static String describe(Key key) {
        String db = key.database() == null ? JdbcUrls.database(key.target().url()) : key.database();
        return "database '" + db + "' of " + key.target();
    }

    /** Active, idle and waiting connections of a pool, for messages. */
    static String state(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) return "pool starting";
        return bean.getActiveConnections() + " active, " + bean.getIdleConnections() + " idle, "
                + bean.getThreadsAwaitingConnection() + " waiting";
    }

    /** A pool's first connection failed: the pool is not made. */
    private static final class FirstConnectionFailed extends RuntimeException {
        final SQLException failure;

        FirstConnectionFailed(SQLException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private HikariDataSource open(Key key) {
        HikariConfig config = config(key);
        // one connection first, outside HikariCP (which retries a failing first connection for a second or more):
        // a database that is down, a wrong login or a missing database is answered at once
        try {
            probe(config, key);
        } catch (SQLException e) {
            if (!logins.refresh(key.target(), e)) throw new FirstConnectionFailed(e);
            try {
                probe(config, key);
            } catch (SQLException again) {
                throw new FirstConnectionFailed(again);
            }
        }
        return new HikariDataSource(config);
    }

    private void probe(HikariConfig config, Key key) throws SQLException {
        com.zaxxer.hikari.util.Credentials login = logins.of(key.target());
        java.util.Properties probe = new java.util.Properties();
        probe.putAll(config.getDataSourceProperties());
        probe.setProperty("user", login.getUsername() == null ? "" : login.getUsername());
        probe.setProperty("password", login.getPassword() == null ? "" : login.getPassword());
        try (Connection first = java.sql.DriverManager.getConnection(config.getJdbcUrl(), probe)) {
            LOG.debug("Opening a pool for {}", describe(key));
        }
    }

    private HikariConfig config(Key key) {
        Engine engine = engine(key);
        String url = key.database() == null || key.database().isBlank()
                ? key.target().url()
                : JdbcUrls.withDatabase(key.target().url(), key.database());
        HikariConfig config = new HikariConfig();
        config.setPoolName("data-api-" + (key.database() == null ? "default" : key.database()));
        config.setJdbcUrl(Engine.normalizeUrl(url));
        DataApiConfig.Target target = key.target();
        config.setCredentialsProvider(() -> logins.of(target)); // asked at every new connection: see Logins
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, borrowTimeout.toMillis()));
        config.setInitializationFailTimeout(-1); // open() has connected once already
        config.setDataSourceProperties(DatabaseConnector.sessionProperties(engine)); // MySQL at UTC
        config.setMetricRegistry(metrics);
        ProxyEngine.of(engine).configure(config);
        return config;
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.dataSource.close());
        pools.clear();
    }
}
