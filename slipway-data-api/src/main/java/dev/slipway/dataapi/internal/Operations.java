package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dataapi.DataApiConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The six operations of the RDS Data API (2018-08-01), by path: {@code /Execute}, {@code /BatchExecute},
 * {@code /BeginTransaction}, {@code /CommitTransaction}, {@code /RollbackTransaction}, and the retired
 * {@code /ExecuteSql}, which is answered as AWS answers it.
 */
public final class Operations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_ARN = 100;
    private static final int MAX_SQL = 65_536;

    private final DataApiConfig config;
    private final Pools pools;
    private final Transactions transactions;

    public Operations(DataApiConfig config, Pools pools, Transactions transactions) {
        this.config = config;
        this.pools = pools;
        this.transactions = transactions;
    }

    /** The operation name of a path, or null when the path is none of the Data API's. */
    public static String operationOf(String path) {
        return switch (path) {
            case "/Execute" -> "ExecuteStatement";
            case "/BatchExecute" -> "BatchExecuteStatement";
            case "/BeginTransaction" -> "BeginTransaction";
            case "/CommitTransaction" -> "CommitTransaction";
            case "/RollbackTransaction" -> "RollbackTransaction";
            case "/ExecuteSql" -> "ExecuteSql";
            default -> null;
        };
    }

    public ObjectNode handle(String operation, JsonNode request) {
        if (operation.equals("ExecuteSql")) {
            throw DataApiException.badRequest(
                    "This API is deprecated and not available. Use ExecuteStatement API instead");
        }
        requireArn(request, "resourceArn");
        requireArn(request, "secretArn");
        Pools.Key key = key(request);
        return switch (operation) {
            case "ExecuteStatement" -> statement(request, key, false);
            case "BatchExecuteStatement" -> statement(request, key, true);
            case "BeginTransaction" -> begin(key);
            case "CommitTransaction" -> {
                transactions.commit(request.path("transactionId").asText(null));
                yield JSON.objectNode().put("transactionStatus", "Transaction Committed");
            }
            case "RollbackTransaction" -> {
                transactions.rollback(request.path("transactionId").asText(null));
                yield JSON.objectNode().put("transactionStatus", "Rollback Complete");
            }
            default -> throw DataApiException.badRequest("Unknown operation " + operation);
        };
    }

    private ObjectNode statement(JsonNode request, Pools.Key key, boolean batch) {
        String sql = request.path("sql").asText("");
        if (sql.isBlank()) throw DataApiException.badRequest("sql is required.");
        if (sql.length() > MAX_SQL) {
            throw DataApiException.badRequest("sql is longer than " + MAX_SQL + " characters.");
        }
        Duration timeout = config.statementTimeout();
        String tx = request.path("transactionId").asText(null);
        if (tx != null && !tx.isBlank()) {
            return transactions.use(tx, (c, txKey) -> run(c, txKey, request, batch, timeout));
        }
        try (Connection c = pools.borrow(key)) {
            return run(c, key, request, batch, timeout);
        } catch (SQLException e) {
            throw Statements.databaseError(e);
        }
    }

    private ObjectNode run(Connection c, Pools.Key key, JsonNode request, boolean batch, Duration timeout)
            throws SQLException {
        var engine = Pools.engine(key);
        return batch ? Statements.batch(c, engine, request, timeout) : Statements.execute(c, engine, request, timeout);
    }

    private ObjectNode begin(Pools.Key key) {
        Connection c = pools.borrow(key);
        try {
            return JSON.objectNode().put("transactionId", transactions.begin(c, key));
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the pool discards it
            }
            throw Statements.databaseError(e);
        }
    }

    private Pools.Key key(JsonNode request) {
        String resource = request.path("resourceArn").asText();
        String secret = request.path("secretArn").asText();
        String database = request.path("database").asText(null);
        if (database != null && (database.length() > 64 || !database.matches("[A-Za-z0-9_$-]*"))) {
            throw DataApiException.badRequest("database must be at most 64 letters, digits, _, $ or -.");
        }
        if (config.development() != null) return new Pools.Key(config.development(), database);
        for (DataApiConfig.Target t : config.targets()) {
            boolean resourceMatches = t.resourceArn() == null || t.resourceArn().equals(resource);
            boolean secretMatches = t.secretArn() == null || t.secretArn().equals(secret);
            if (resourceMatches && secretMatches) return new Pools.Key(t, database);
        }
        throw DataApiException.notFound(
                "The resource " + resource + " with secret " + secret + " is not configured on this Data API server.");
    }

    private static void requireArn(JsonNode request, String member) {
        String value = request.path(member).asText("");
        if (value.isEmpty()) throw DataApiException.badRequest(member + " is required.");
        if (value.length() < 11 || value.length() > MAX_ARN) {
            throw DataApiException.badRequest(member + " must be 11 to " + MAX_ARN + " characters.");
        }
    }
}
