package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.Engine;
import dev.slipway.core.JdbcUrls;
import dev.slipway.dataapi.DataApiConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The six operations of the RDS Data API (2018-08-01), by path: {@code /Execute}, {@code /BatchExecute},
 * {@code /BeginTransaction}, {@code /CommitTransaction}, {@code /RollbackTransaction}, and the retired
 * {@code /ExecuteSql}, which is answered as AWS answers it.
 *
 * <p>Isolation: a statement without a {@code transactionId} runs on a pooled connection in autocommit and leaves
 * it reset ({@link Lease}); SQL that would start or end a transaction there is refused ({@link TransactionControl}),
 * and a request that leaves one open anyway (a procedure, say) is rolled back and answered as an error, so nothing
 * answered as written can be discarded later and no client runs inside another's transaction. Inside a Data API
 * transaction the connection is its caller's alone, and is reset when the transaction ends.
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

    /**
     * Runs one operation for {@code caller} (who authenticated: an access key id, an API key's digest, or
     * {@code anonymous} without authentication).
     */
    public ObjectNode handle(String operation, JsonNode request, String caller, Cancellation cancellation) {
        if (operation.equals("ExecuteSql")) {
            throw DataApiException.badRequest(
                    "This API is deprecated and not available. Use ExecuteStatement API instead");
        }
        requireArn(request, "resourceArn");
        requireArn(request, "secretArn");
        Pools.Key key = key(request);
        return switch (operation) {
            case "ExecuteStatement" -> statement(request, key, caller, cancellation, false);
            case "BatchExecuteStatement" -> statement(request, key, caller, cancellation, true);
            case "BeginTransaction" -> begin(key, caller);
            case "CommitTransaction" -> {
                transactions.commit(text(request, "transactionId"), caller, key);
                yield JSON.objectNode().put("transactionStatus", "Transaction Committed");
            }
            case "RollbackTransaction" -> {
                transactions.rollback(text(request, "transactionId"), caller, key);
                yield JSON.objectNode().put("transactionStatus", "Rollback Complete");
            }
            default -> throw DataApiException.badRequest("Unknown operation " + operation);
        };
    }

    private ObjectNode statement(
            JsonNode request, Pools.Key key, String caller, Cancellation cancellation, boolean batch) {
        String sql = text(request, "sql");
        if (sql == null || sql.isBlank()) throw DataApiException.badRequest("sql is required.");
        if (sql.length() > MAX_SQL) {
            throw DataApiException.badRequest("sql is longer than " + MAX_SQL + " characters.");
        }
        Engine engine = Pools.engine(key);
        Duration timeout = config.statementTimeout();
        String tx = text(request, "transactionId");
        if (tx != null && !tx.isBlank()) {
            // the transaction's target is the request's (Transactions checks), so is its engine
            return transactions.use(
                    tx, caller, key, (c, txKey) -> run(c, engine, request, batch, timeout, cancellation));
        }
        TransactionControl.refuseOutsideTransactions(sql, engine);
        try (Lease lease = pools.borrow(key, caller)) {
            ObjectNode answer = run(lease.connection(), engine, request, batch, timeout, cancellation);
            if (lease.inForeignTransaction()) {
                throw DataApiException.badRequest("The statement left a transaction open on the pooled connection;"
                        + " it was rolled back (what the statement committed itself stays). Use BeginTransaction"
                        + " to group statements.");
            }
            return answer;
        } catch (SQLException e) {
            throw Statements.databaseError(e);
        }
    }

    private ObjectNode run(
            Connection c, Engine engine, JsonNode request, boolean batch, Duration timeout, Cancellation cancellation)
            throws SQLException {
        return batch
                ? Statements.batch(c, engine, request, timeout, cancellation)
                : Statements.execute(c, engine, request, timeout, cancellation);
    }

    private ObjectNode begin(Pools.Key key, String caller) {
        try {
            return JSON.objectNode()
                    .put("transactionId", transactions.begin(key, caller, k -> pools.borrow(k, caller)));
        } catch (SQLException e) {
            throw Statements.databaseError(e);
        }
    }

    private Pools.Key key(JsonNode request) {
        String resource = text(request, "resourceArn");
        String secret = text(request, "secretArn");
        String database = text(request, "database");
        if (database != null && (database.length() > 64 || !database.matches("[A-Za-z0-9_$-]*"))) {
            throw DataApiException.badRequest("database must be at most 64 letters, digits, _, $ or -.");
        }
        DataApiConfig.Target target =
                config.development() != null ? config.development() : configured(resource, secret);
        if (!target.serves(database)) {
            String setting = config.development() != null
                    ? "slipway.data-api.databases (--database)"
                    : "slipway.data-api.target.NAME.databases";
            throw DataApiException.badRequest("This proxy does not serve database '" + database + "' of " + target
                    + ": it serves '" + JdbcUrls.database(target.url()) + "'"
                    + (target.databases().isEmpty() ? "" : " and " + String.join(", ", target.databases()))
                    + ". Add it to " + setting + ".");
        }
        boolean urlDatabase =
                database == null || database.isEmpty() || database.equals(JdbcUrls.database(target.url()));
        return new Pools.Key(target, urlDatabase ? null : database);
    }

    private DataApiConfig.Target configured(String resource, String secret) {
        for (DataApiConfig.Target t : config.targets()) {
            boolean resourceMatches = t.resourceArn() == null || t.resourceArn().equals(resource);
            boolean secretMatches = t.secretArn() == null || t.secretArn().equals(secret);
            if (resourceMatches && secretMatches) return t;
        }
        throw DataApiException.notFound(
                "The resource " + resource + " with secret " + secret + " is not configured on this Data API server.");
    }

    /** A string member, or null when absent; a member of another JSON type is refused. */
    static String text(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw DataApiException.badRequest(member + " must be a string.");
        return value.asText();
    }

    private static void requireArn(JsonNode request, String member) {
        String value = text(request, member);
        if (value == null || value.isEmpty()) throw DataApiException.badRequest(member + " is required.");
        if (value.length() < 11 || value.length() > MAX_ARN) {
            throw DataApiException.badRequest(member + " must be 11 to " + MAX_ARN + " characters.");
        }
    }
}
