package dev.slipway.core;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * What a database error means, the same on PostgreSQL and MySQL/MariaDB: the one table of SQL states and vendor
 * codes that every module maps through (Flyway's {@code ErrorCode} is the model). Each kind says whether doing the
 * same again can succeed ({@link #retryable}) and what an application's HTTP API answers for it ({@link
 * #httpStatus}: the API functions' error mapping uses it; the data proxy answers as AWS's Data API does instead) and
 * how a command that fails with it exits ({@link #exitCode}: a missing or forbidden database is the configuration's
 * fault, exit 2; everything else exit 1).
 *
 * <p>Sources: PostgreSQL's "Appendix A. Error Codes" and MySQL's/MariaDB's server error reference; a driver's own
 * state for a dropped socket is class 08. An {@code ArchitectureTest} keeps SQL-state literals out of every other
 * main source (the JDBC driver, which produces states, aside).
 */
public enum SqlErrorKind implements ErrorCode {
    /** The server refused the user or password (class 28, MySQL 1045 and 1698): read the secret again. */
    AUTHENTICATION(false, 500),
    /** The login is fine but may not use the database (PostgreSQL 42501 at connect, MySQL 1044). */
    ACCESS_DENIED(false, 500),
    /** The database does not exist (3D000, MySQL 1049). */
    UNKNOWN_DATABASE(false, 500),
    /**
     * The connection is gone or the server is not taking connections yet: class 08, PostgreSQL 57P01..57P03
     * (administrator shutdown, crash shutdown, cannot connect now), MySQL 2006 and 2013 (gone away, lost).
     */
    CONNECTION_LOST(true, 503),
    /** A unique key is taken (23505, MySQL 1062). */
    UNIQUE_VIOLATION(false, 409),
    /** A reference to a missing row, or a row still referenced (23503, MySQL 1451 and 1452). */
    FOREIGN_KEY_VIOLATION(false, 422),
    /** A check constraint (23514, MySQL 3819 and MariaDB 4025). */
    CHECK_VIOLATION(false, 422),
    /** A value that cannot be stored as given: class 22, MySQL 1264, 1292, 1366 and 1406. */
    INVALID_DATA(false, 422),
    /** The statement ran past its timeout or was cancelled (57014, 70100, MySQL 1317 and 3024). */
    STATEMENT_TIMEOUT(false, 504),
    /** Waiting for a lock ran past {@code lock_timeout} (PostgreSQL 55P03, MySQL 1205). */
    LOCK_TIMEOUT(true, 503),
    /** Anything else: the database's message says what. */
    OTHER(false, 500);

    private final boolean retryable;
    private final int httpStatus;

    SqlErrorKind(boolean retryable, int httpStatus) {
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    /** Whether the same call may succeed later, unchanged (on a new connection, after a wait). */
    @Override
    public boolean retryable() {
        return retryable;
    }

    @Override
    public int exitCode() {
        return this == UNKNOWN_DATABASE || this == ACCESS_DENIED ? EXIT_USAGE : EXIT_FAILED;
    }

    /** What an HTTP API answers for it: 409 and 422 are the client's to fix, 503 to retry, 500 the operator's. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The kind of {@code e}, looking through {@link SQLException#getNextException} as drivers chain them. */
    public static SqlErrorKind of(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            SqlErrorKind kind = ofOne(s);
            if (kind != OTHER) return kind;
        }
        return OTHER;
    }

    private static SqlErrorKind ofOne(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (state.startsWith("28") || code == 1045 || code == 1698) return AUTHENTICATION;
        if (state.equals("3D000") || code == 1049) return UNKNOWN_DATABASE;
        if (state.equals("42501") || code == 1044) return ACCESS_DENIED;
        if (state.startsWith("08") || state.matches("57P0[123]") || code == 2006 || code == 2013) {
            return CONNECTION_LOST;
        }
        if (state.equals("23505") || code == 1062) return UNIQUE_VIOLATION;
        if (state.equals("23503") || code == 1451 || code == 1452) return FOREIGN_KEY_VIOLATION;
        if (state.equals("23514") || code == 3819 || code == 4025) return CHECK_VIOLATION;
        if (state.equals("55P03") || code == 1205) return LOCK_TIMEOUT;
        if (e instanceof SQLTimeoutException
                || state.equals("57014")
                || state.equals("70100")
                || code == 1317
                || code == 3024) {
            return STATEMENT_TIMEOUT;
        }
        if (state.startsWith("22") || code == 1264 || code == 1292 || code == 1366 || code == 1406) {
            return INVALID_DATA;
        }
        return OTHER;
    }
}
