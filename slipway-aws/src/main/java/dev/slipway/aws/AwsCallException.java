package dev.slipway.aws;

/** An AWS call that failed: AWS's answer (status, error type, message) or why there was none. */
public final class AwsCallException extends dev.slipway.core.SlipwayException {

    private final int status;
    private final String errorType;

    public AwsCallException(int status, String errorType, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = errorType;
    }

    /** The HTTP status AWS answered with; 0 when no answer came (network, timeout, credentials). */
    public int status() {
        return status;
    }

    /** AWS's error type, e.g. {@code ResourceNotFoundException}; null when there was no answer. */
    public String errorType() {
        return errorType;
    }

    /** {@link Code#RETRYABLE} with no answer, a 5xx or throttling; else {@link Code#REFUSED}. */
    @Override
    public Code code() {
        return status == 0 || status >= 500 || "ThrottlingException".equals(errorType) ? Code.RETRYABLE : Code.REFUSED;
    }

    /** Whether AWS may answer differently later. */
    public enum Code implements dev.slipway.core.ErrorCode {
        /** No answer, a 5xx, or throttling: trying again later may succeed. */
        RETRYABLE,
        /** AWS refused the call (permission, a missing resource, a bad request): something must change first. */
        REFUSED;

        @Override
        public boolean retryable() {
            return this == RETRYABLE;
        }

        @Override
        public int exitCode() {
            return EXIT_FAILED;
        }
    }
}
