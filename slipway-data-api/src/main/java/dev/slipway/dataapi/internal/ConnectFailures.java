package dev.slipway.dataapi.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.core.SqlErrorKind;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why no connection could be had, told apart for the caller and the operator: the database refused the proxy's
 * login or does not have the database (not retryable: BadRequestException, logged as a warning), the database
 * cannot be reached (retryable: ServiceUnavailableError, logged), or every connection is in use (retryable, with
 * the pool's state). HikariCP reports all of them as a timeout whose cause is the last connection failure, or,
 * for a pool's first connection, as the failure itself ({@code pool} is then null).
 */
final class ConnectFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectFailures.class);

    private ConnectFailures() {}

    static DataApiException explain(SQLException e, HikariDataSource pool, Duration borrowTimeout, String what) {
        SQLException cause = rootSqlCause(e);
        if (cause == null && pool != null) {
            return DataApiException.unavailable(
                    "No connection to " + what + " became free within " + borrowTimeout.toMillis() + " ms ("
                            + Pools.state(pool) + "); retry.",
                    e);
        }
        if (cause == null) cause = e;
        String state = cause.getSQLState() == null ? "" : cause.getSQLState(); // shown in the messages
        SqlErrorKind kind = SqlErrorKind.of(cause);
        String detail = String.valueOf(cause.getMessage()).strip() + " (SQLState " + state + ")";
        if (kind == SqlErrorKind.AUTHENTICATION) {
            LOG.warn("The database refused the proxy's login for {}: {}", what, detail);
            return DataApiException.badRequest("The database refused the proxy's login for " + what + ": " + detail
                    + ". Check the target's user and password (slipway.data-api.target.NAME.user/.password or its"
                    + " secret); retrying will not help.");
        }
        if (kind == SqlErrorKind.UNKNOWN_DATABASE || kind == SqlErrorKind.ACCESS_DENIED) {
            LOG.warn("The database of {} does not exist or is not open to the proxy's user: {}", what, detail);
            return DataApiException.badRequest("The " + what + " does not exist or its user may not use it: " + detail
                    + ". Create it, or fix slipway.data-api.target.NAME.databases.");
        }
        LOG.warn("Cannot reach {}: {}", what, detail);
        return DataApiException.unavailable("Cannot reach " + what + ": " + detail + "; retry.", e);
    }

    /** The innermost SQLException under HikariCP's timeout; null when the pool was simply busy. */
    private static SQLException rootSqlCause(SQLException e) {
        Throwable t = e.getCause();
        SQLException found = null;
        while (t != null) {
            if (t instanceof SQLException s) found = s;
            t = t.getCause();
        }
        if (found == null && !(e instanceof java.sql.SQLTransientConnectionException)) return e;
        return found;
    }
}
