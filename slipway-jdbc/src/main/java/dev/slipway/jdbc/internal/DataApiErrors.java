package dev.slipway.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Data API error as the {@link SQLException} JDBC code expects: a {@code DatabaseErrorException} keeps the
 * database's message and SQL state (the Data API appends {@code "; SQLState: 23505"}), so jOOQ and Slipway's
 * error mapping see the same states as with a native driver; the Data API's own errors get the nearest state.
 */
final class DataApiErrors {

    private static final Pattern SQL_STATE = Pattern.compile(";\\s*SQLState:\\s*([0-9A-Z]{5})\\s*$");

    private DataApiErrors() {}

    static SQLException toSqlException(int status, String type, String message) {
        Matcher m = SQL_STATE.matcher(message);
        String state = m.find() ? m.group(1) : null;
        String text = state != null ? message.substring(0, m.start()).strip() : message;
        return switch (type) {
            case "DatabaseErrorException", "BadRequestException" -> {
                if (state == null) yield new SQLException(text, type.equals("BadRequestException") ? "22023" : null);
                yield byState(text, state);
            }
            case "StatementTimeoutException" ->
                new SQLTimeoutException(
                        text
                                + " (the Data API stops statements after 45 s; set continueAfterTimeout=true for long DDL)",
                        "57014");
            case "TransactionNotFoundException" ->
                new SQLTransactionRollbackException(
                        text + " (the Data API rolls a transaction back after 3 minutes idle, after an error in it,"
                                + " or when it ended)",
                        "40000");
            case "ServiceUnavailableError", "ServiceUnavailableErrorException", "ThrottlingException" ->
                new SQLTransientConnectionException(
                        text + " (the Data API is busy or lost its database; retry)", "08006");
            case "ForbiddenException",
                    "UnrecognizedClientException",
                    "InvalidSignatureException",
                    "MissingAuthenticationTokenException",
                    "AccessDeniedException" ->
                new SQLInvalidAuthorizationSpecException(
                        type + ": " + text
                                + " (check accessKeyId/secretAccessKey or apiKey, and the secret's permissions)",
                        "28000");
            case "NotFoundException" ->
                new SQLNonTransientConnectionException(text + " (check resourceArn and secretArn)", "08001");
            default ->
                new SQLException(
                        (type.isEmpty() ? "HTTP " + status : type) + ": " + text, status >= 500 ? "08006" : null);
        };
    }

    private static SQLException byState(String text, String state) {
        if (state.startsWith("23")) return new SQLIntegrityConstraintViolationException(text, state);
        if (state.startsWith("42")) return new SQLSyntaxErrorException(text, state);
        if (state.startsWith("40")) return new SQLTransactionRollbackException(text, state);
        if (state.startsWith("28")) return new SQLInvalidAuthorizationSpecException(text, state);
        return new SQLException(text, state);
    }
}
