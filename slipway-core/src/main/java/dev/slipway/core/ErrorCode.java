package dev.slipway.core;

/**
 * A kind of {@link SlipwayException}: each module's error codes are an enum implementing it, and the command line's
 * exit code comes from here instead of from {@code instanceof} checks.
 */
public interface ErrorCode {

    /** The command ran and failed: a database error, a failed migration, a failed check, anything unexpected. */
    int EXIT_FAILED = 1;

    /** The user's input is wrong: the command line, the configuration, schema.sql or a migration file. */
    int EXIT_USAGE = 2;

    /** Whether the same call may succeed later, unchanged (a database that is waking, a throttled AWS call). */
    boolean retryable();

    /** {@link #EXIT_USAGE} when the user's input must change, else {@link #EXIT_FAILED}. */
    int exitCode();
}
