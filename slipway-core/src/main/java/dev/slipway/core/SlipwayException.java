package dev.slipway.core;

/**
 * The root of every error a Slipway module raises for its caller to handle (schema, migrate, lambda, AWS calls): its
 * message is written for the user, names the fix and never holds a secret, and it says whether doing the same again
 * can help and which exit code the command line ends with. A module with kinds of errors gives each an {@link
 * ErrorCode} (Flyway's {@code FlywayException} with its {@code ErrorCode} is the model) and answers from it.
 *
 * <p>Not a root for answers to HTTP clients: the API functions' {@code ApiException} and the data proxy's answers
 * are part of their wire protocols.
 */
public abstract class SlipwayException extends RuntimeException {

    protected SlipwayException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code of a command that ends with this error ({@link ErrorCode#EXIT_USAGE} or {@code EXIT_FAILED}). */
    public abstract int exitCode();

    /** Whether the same call may succeed later, unchanged. */
    public abstract boolean retryable();
}
