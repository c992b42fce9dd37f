package dev.slipway.core;

import java.sql.SQLException;

/** The two questions most callers ask of a driver's {@link SQLException}, answered by {@link SqlErrorKind}. */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    /**
     * Whether the server refused the user or password: SQLSTATE class 28 (PostgreSQL's 28P01 and 28000, and what
     * the MariaDB driver reports), or MySQL's error 1045 (access denied). Retrying with the same credentials cannot
     * help; fetching the secret again can, when it was rotated.
     */
    public static boolean isAuthenticationFailure(SQLException e) {
        return SqlErrorKind.of(e) == SqlErrorKind.AUTHENTICATION;
    }

    /**
     * Whether the connection was lost or the server is shutting down: SQLSTATE class 08, PostgreSQL's 57P01..57P03
     * ("terminating connection due to administrator command" and the like), or MySQL's 2006/2013 ("server has
     * gone away", "lost connection"). The statement did not complete; a retry on a new connection can succeed.
     */
    public static boolean isConnectionLost(SQLException e) {
        return SqlErrorKind.of(e) == SqlErrorKind.CONNECTION_LOST;
    }
}
