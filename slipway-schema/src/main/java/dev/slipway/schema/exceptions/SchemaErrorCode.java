package dev.slipway.schema.exceptions;

import dev.slipway.core.ErrorCode;

/** Kinds of {@link SchemaException}. */
public enum SchemaErrorCode implements ErrorCode {
    /** The schema or a migration could not be read or parsed. */
    PARSE_ERROR(EXIT_USAGE),
    /** The SQL parsed but uses something Slipway cannot carry to both engines (a type, a construct). */
    UNSUPPORTED(EXIT_USAGE),
    /** The schema is inconsistent (a foreign key to a missing table, a duplicate name). */
    INVALID_SCHEMA(EXIT_USAGE),
    /** The migrations directory is inconsistent (engines disagree, a version repeats, bad file name). */
    INVALID_MIGRATIONS(EXIT_USAGE),
    /** A file could not be read or written (a missing schema.sql is the user's to fix: see SchemaException). */
    IO_ERROR(EXIT_FAILED);

    private final int exitCode;

    SchemaErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
