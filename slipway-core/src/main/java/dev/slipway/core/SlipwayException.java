package dev.slipway.core;

/**
 * The root of every error a Slipway module raises for its caller to handle (schema, migrate, lambda, AWS calls): its
 * message is written for the user, names the fix and never holds a secret, and {@link #code()} says what kind it is,
 * whether doing the same again can help and which exit code the command line ends with (Flyway's
 * {@code FlywayException} with its {@code ErrorCode} is the model).
 *
 * <p>Not a root for answers to HTTP clients: the API functions' {@code ApiException} and the data proxy's answers
 * are part of their wire protocols.
 */
public abstract class SlipwayException extends RuntimeException {

    protected SlipwayException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The kind of error. */
    public abstract ErrorCode code();

    /** The exit code of a command that ends with this error; by default the code's. */
    public int exitCode() {
        return code().exitCode();
    }

    /** Whether the same call may succeed later, unchanged. */
    public boolean retryable() {
        return code().retryable();
    }
}
