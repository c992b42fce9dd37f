package dev.slipway.schema.exceptions;

/** Kinds of {@link SchemaException}. */
public enum SchemaErrorCode {
    /** The schema or a migration could not be read or parsed. */
    PARSE_ERROR,
    /** The SQL parsed but uses something Slipway cannot carry to both engines (a type, a construct). */
    UNSUPPORTED,
    /** The schema is inconsistent (a foreign key to a missing table, a duplicate name). */
    INVALID_SCHEMA,
    /** The migrations directory is inconsistent (engines disagree, a version repeats, bad file name). */
    INVALID_MIGRATIONS,
    /** A file could not be read or written. */
    IO_ERROR
}
