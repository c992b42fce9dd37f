package dev.slipway.dataapi;

import java.time.Duration;

/**
 * What one key and one connection may hold or take ({@link DataApiConfig#limits()}).
 *
 * @param maxConnectionsPerKey connections of one database's pool one key may hold; 0 for the pool size
 * @param maxTransactionsPerKey open transactions one key may hold; 0 for half the pool (at least 1)
 * @param headerTimeout how long a connection may take to send a request's headers (from its first byte, or
 *     from being opened)
 * @param bodyTimeout how long a request may take to send its body after its headers
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param maxUnauthenticatedConnections connections that have not yet sent an authenticated request; at it the
 *     proxy stops accepting until one authenticates or closes
 */
public record DataApiLimits(
        int maxConnectionsPerKey,
        int maxTransactionsPerKey,
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        int maxUnauthenticatedConnections) {

    public static final DataApiLimits DEFAULTS =
            new DataApiLimits(0, 0, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 256);

    public int connectionsPerKey(int poolSize) {
        return maxConnectionsPerKey > 0 ? Math.min(maxConnectionsPerKey, poolSize) : poolSize;
    }

    public int transactionsPerKey(int poolSize) {
        return maxTransactionsPerKey > 0 ? maxTransactionsPerKey : Math.max(1, poolSize / 2);
    }
}
