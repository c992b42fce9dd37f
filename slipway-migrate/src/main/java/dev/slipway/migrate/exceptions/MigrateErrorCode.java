package dev.slipway.migrate.exceptions;

/** Kinds of {@link MigrateException}. */
public enum MigrateErrorCode {
    /** Configuration is missing or malformed. */
    CONFIGURATION,
    /** The database did not accept connections before the deadline. */
    UNREACHABLE,
    /** The database refused the credentials. */
    AUTHENTICATION,
    /** A migration failed while being applied. */
    MIGRATION_FAILED,
    /** Applied migrations differ from the files (checksum mismatch, missing file, earlier failure). */
    DRIFT,
    /** Reset was asked for without the explicit permission it needs. */
    RESET_REFUSED,
    /** {@code check}: the migrations do not yield schema.sql. */
    CHECK_FAILED
}
