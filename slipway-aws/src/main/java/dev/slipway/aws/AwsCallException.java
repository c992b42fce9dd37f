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

    /** Whether trying again later may succeed: no answer, a 5xx, or throttling. */
    @Override
    public boolean retryable() {
        return status == 0 || status >= 500 || "ThrottlingException".equals(errorType);
    }

    /** AWS refused or did not answer: the command failed (exit 1). */
    @Override
    public int exitCode() {
        return dev.slipway.core.ErrorCode.EXIT_FAILED;
    }
}
