package dev.slipway.dataapi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the data proxy runs: where it listens, which databases it serves and who may call it.
 *
 * @param bindAddress the address to listen on ({@code 127.0.0.1} unless the proxy is for other hosts)
 * @param port the port; 0 picks a free one
 * @param targets the databases, each selected by the {@code resourceArn} (and, when set, {@code secretArn}) of a
 *     request
 * @param development when set, every ARN maps to this one target (what {@code slipway up} and
 *     {@code slipway data-api serve --url} run)
 * @param accessKeys SigV4 access key id -> secret access key; requests signed with one of them are accepted
 * @param apiKeys keys accepted in {@code x-api-key} or {@code Authorization: Bearer}
 * @param maxConnections the pool size per database
 * @param borrowTimeout how long a request waits for a pooled connection before the proxy answers
 *     ServiceUnavailableError (which the SDKs retry)
 * @param statementTimeout how long a statement may run unless the request sets {@code continueAfterTimeout}
 */
public record DataApiConfig(
        String bindAddress,
        int port,
        List<Target> targets,
        Target development,
        Map<String, String> accessKeys,
        Set<String> apiKeys,
        int maxConnections,
        Duration borrowTimeout,
        Duration statementTimeout) {

    /** AWS stops a statement after 45 s unless the call sets continueAfterTimeout (Aurora user guide, Data API). */
    public static final Duration AWS_STATEMENT_TIMEOUT = Duration.ofSeconds(45);

    /**
     * One database server the proxy reaches.
     *
     * @param resourceArn the cluster ARN requests name; any when null (development)
     * @param secretArn the secret ARN requests name; any when null
     * @param url JDBC URL; a request's {@code database} replaces its database name
     * @param user database user
     * @param password password, never logged
     */
    public record Target(String resourceArn, String secretArn, String url, String user, String password) {
        @Override
        public String toString() {
            return (resourceArn == null ? "any ARN" : resourceArn) + " -> " + dev.slipway.core.JdbcUrls.mask(url)
                    + " as " + user;
        }
    }

    /** Development mode: every ARN reaches {@code url}; no keys means no authentication (loopback only). */
    public static DataApiConfig development(String url, String user, String password, int port) {
        return new DataApiConfig(
                "127.0.0.1",
                port,
                List.of(),
                new Target(null, null, url, user, password == null ? "" : password),
                Map.of(),
                Set.of(),
                10,
                Duration.ofSeconds(5),
                AWS_STATEMENT_TIMEOUT);
    }

    public DataApiConfig withKeys(Map<String, String> accessKeys, Set<String> apiKeys) {
        return new DataApiConfig(
                bindAddress,
                port,
                targets,
                development,
                Map.copyOf(accessKeys),
                Set.copyOf(apiKeys),
                maxConnections,
                borrowTimeout,
                statementTimeout);
    }

    public DataApiConfig withPool(int maxConnections, Duration borrowTimeout) {
        return new DataApiConfig(
                bindAddress,
                port,
                targets,
                development,
                accessKeys,
                apiKeys,
                maxConnections,
                borrowTimeout,
                statementTimeout);
    }

    public boolean authenticationRequired() {
        return !accessKeys.isEmpty() || !apiKeys.isEmpty();
    }
}
