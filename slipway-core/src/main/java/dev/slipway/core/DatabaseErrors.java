package dev.slipway.core;

import java.sql.SQLException;

/** What a driver's {@link SQLException} means, the same on every engine. */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    /**
     * Whether the server refused the user or password: SQLSTATE class 28 (PostgreSQL's 28P01 and 28000, and what
     * the MariaDB driver reports), or MySQL's error 1045 (access denied). Retrying with the same credentials cannot
     * help; fetching the secret again can, when it was rotated.
     */
    public static boolean isAuthenticationFailure(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            if (state.startsWith("28") || s.getErrorCode() == 1045) return true;
        }
        return false;
    }
}
