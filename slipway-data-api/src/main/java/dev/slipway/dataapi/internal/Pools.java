package dev.slipway.dataapi.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.core.Engine;
import dev.slipway.core.JdbcUrls;
import dev.slipway.dataapi.DataApiConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HikariCP pool per target and database, made on first use. Sessions run at UTC on both engines, as Aurora's
 * do (clients send and read timestamps in UTC).
 */
public final class Pools implements AutoCloseable {

    /** A database of a target, as a request selects it. */
    public record Key(DataApiConfig.Target target, String database) {}

    private final Map<Key, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final int maxConnections;
    private final Duration borrowTimeout;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    public Pools(int maxConnections, Duration borrowTimeout, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.maxConnections = maxConnections;
        this.borrowTimeout = borrowTimeout;
        this.metrics = metrics;
    }

    /** The engine of a target, from its JDBC URL. */
    public static Engine engine(Key key) {
        return Engine.fromJdbcUrl(key.target().url());
    }

    public Connection borrow(Key key) {
        HikariDataSource pool = pools.computeIfAbsent(key, this::open);
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw DataApiException.unavailable(
                    "No database connection became free within " + borrowTimeout.toMillis() + " ms (pool of "
                            + maxConnections + "); retry.",
                    e);
        } catch (SQLException e) {
            throw DataApiException.unavailable("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** Pool statistics per database, for metrics: active, idle, waiting. */
    public Map<Key, HikariDataSource> all() {
        return Map.copyOf(pools);
    }

    private HikariDataSource open(Key key) {
        Engine engine = engine(key);
        String url = key.database() == null || key.database().isBlank()
                ? key.target().url()
                : JdbcUrls.withDatabase(key.target().url(), key.database());
        HikariConfig config = new HikariConfig();
        config.setPoolName("data-api-" + (key.database() == null ? "default" : key.database()));
        config.setJdbcUrl(Engine.normalizeUrl(url));
        config.setUsername(key.target().user());
        config.setPassword(key.target().password());
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, borrowTimeout.toMillis()));
        config.setInitializationFailTimeout(-1); // a database that is down now may be up for the next request
        config.setDataSourceProperties(engine.connectionProperties());
        config.setMetricRegistry(metrics);
        if (engine == Engine.POSTGRESQL) config.addDataSourceProperty("options", "-c TimeZone=UTC");
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
