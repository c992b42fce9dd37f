package dev.slipway.lambda.exceptions;

/**
 * The root of errors raised by slipway-lambda outside a request (configuration, credentials, connections). Its
 * message is written by Slipway for the operator, names the fix and never holds a secret, so it is logged; its
 * {@link Kind} decides what the client is told.
 */
public class SlipwayLambdaException extends dev.slipway.core.SlipwayException {

    /** What went wrong, and so whether a client's retry can help. */
    public enum Kind implements dev.slipway.core.ErrorCode {
        /** The function is set up wrongly (a variable, the routes file, a URL): only the operator can fix it. */
        CONFIGURATION(false),
        /** The database secret cannot be read or is not an RDS secret (permission, name, shape). */
        SECRET(false),
        /** The database refused the credentials, also after the secret was read again. */
        AUTHENTICATION(false),
        /** The database (or the secrets extension) did not answer in time: retrying can help. */
        UNREACHABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        @Override
        public boolean retryable() {
            return retryable;
        }

        @Override
        public int exitCode() {
            return this == CONFIGURATION || this == SECRET ? EXIT_USAGE : EXIT_FAILED;
        }
    }

    private final Kind kind;

    public SlipwayLambdaException(String message) {
        this(Kind.CONFIGURATION, message, null);
    }

    public SlipwayLambdaException(String message, Throwable cause) {
        this(Kind.CONFIGURATION, message, cause);
    }

    public SlipwayLambdaException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SlipwayLambdaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public int exitCode() {
        return kind.exitCode();
    }

    @Override
    public boolean retryable() {
        return kind.retryable();
    }
}
