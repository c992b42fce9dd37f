package dev.slipway.migrate.exceptions;

/** The root of every error {@code slipway-migrate} raises; {@link #code()} tells callers which kind it is. */
public class MigrateException extends dev.slipway.core.SlipwayException {

    private final MigrateErrorCode code;

    public MigrateException(MigrateErrorCode code, String message) {
        this(code, message, null);
    }

    public MigrateException(MigrateErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public MigrateErrorCode code() {
        return code;
    }

    @Override
    public int exitCode() {
        return code().exitCode();
    }

    @Override
    public boolean retryable() {
        return code().retryable();
    }
}
