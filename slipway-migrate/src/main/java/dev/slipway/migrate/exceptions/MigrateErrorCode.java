package dev.slipway.migrate.exceptions;

import dev.slipway.core.ErrorCode;
import dev.slipway.core.SqlErrorKind;

/** Kinds of {@link MigrateException}. */
public enum MigrateErrorCode implements ErrorCode {
    /** Configuration is missing or malformed. */
    CONFIGURATION(false, EXIT_USAGE),
    /** The database did not accept connections before the deadline. */
    UNREACHABLE(true, EXIT_FAILED),
    /** The database refused the credentials. */
    AUTHENTICATION(false, EXIT_FAILED),
    /** A migration failed while being applied. */
    MIGRATION_FAILED(false, EXIT_FAILED),
    /** Applied migrations differ from the files (checksum mismatch, missing file, earlier failure). */
    DRIFT(false, EXIT_FAILED),
    /** Reset was asked for without the explicit permission it needs. */
    RESET_REFUSED(false, EXIT_USAGE),
    /** {@code check}: the migrations do not yield schema.sql. */
    CHECK_FAILED(false, EXIT_FAILED);

    private final boolean retryable;
    private final int exitCode;

    MigrateErrorCode(boolean retryable, int exitCode) {
        this.retryable = retryable;
        this.exitCode = exitCode;
    }

    /** The code of a failure to connect of {@code kind}: the table in {@link SqlErrorKind} decides. */
    public static MigrateErrorCode ofConnectFailure(SqlErrorKind kind) {
        return switch (kind) {
            case AUTHENTICATION -> AUTHENTICATION;
            case UNKNOWN_DATABASE, ACCESS_DENIED -> CONFIGURATION;
            default -> UNREACHABLE;
        };
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
