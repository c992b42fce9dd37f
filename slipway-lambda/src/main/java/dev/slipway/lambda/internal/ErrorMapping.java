package dev.slipway.lambda.internal;

import dev.slipway.core.SqlErrorKind;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.sql.SQLException;

/**
 * Turns an unexpected exception into a status and a message safe to show: constraint violations and data
 * exceptions (SQLSTATE class 22) become 409/422,
 * an unreachable database 503 (a retry can help), a function set up wrongly (configuration, secret, credentials)
 * 500 "misconfigured", anything else 500. Messages never carry SQL, values or stack traces.
 */
public final class ErrorMapping {

    /** What the client is told. */
    public record Mapped(int status, String code, String message) {}

    private ErrorMapping() {}

    public static Mapped map(RuntimeException e, String requestId) {
        SQLException sql = sqlCause(e);
        if (sql != null) {
            SqlErrorKind kind = SqlErrorKind.of(sql);
            String message = switch (kind) {
                case UNIQUE_VIOLATION -> "That already exists (a unique value is taken).";
                case FOREIGN_KEY_VIOLATION -> "The request refers to something that does not exist.";
                case CHECK_VIOLATION -> "A value is outside what the database accepts.";
                case INVALID_DATA ->
                    "A value cannot be stored as given (too long, out of range, or characters the database"
                            + " does not accept).";
                default -> null;
            };
            if (message != null) {
                return new Mapped(
                        kind.httpStatus(),
                        kind == SqlErrorKind.UNIQUE_VIOLATION ? "conflict" : "validation_failed",
                        message);
            }
            // the statement did not complete, and the next request reconnects
            if (kind == SqlErrorKind.CONNECTION_LOST) return unavailable(requestId);
        }
        SlipwayLambdaException slipway = slipwayCause(e);
        if (slipway != null && slipway.kind().retryable()) return unavailable(requestId);
        if (slipway != null) {
            return new Mapped(
                    500,
                    "misconfigured",
                    "The service is not set up correctly; its operator can see why in the log (request " + requestId
                            + ").");
        }
        return new Mapped(500, "internal", "Something went wrong on our side (request " + requestId + ").");
    }

    private static Mapped unavailable(String requestId) {
        return new Mapped(
                SqlErrorKind.CONNECTION_LOST.httpStatus(),
                "unavailable",
                "The database is not reachable right now; retry shortly (request " + requestId + ").");
    }

    /** The SQL state of the exception or its causes, for logs; null when it has none. */
    public static String sqlState(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql == null ? null : sql.getSQLState();
    }

    /** The Slipway error behind {@code e}, if any: its message is Slipway's own, written to be logged. */
    public static SlipwayLambdaException slipwayCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SlipwayLambdaException s) return s;
        }
        return null;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) return s;
        }
        return null;
    }
}
