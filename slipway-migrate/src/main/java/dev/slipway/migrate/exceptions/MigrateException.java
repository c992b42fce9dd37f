package dev.slipway.migrate.exceptions;

/** The root of every error {@code slipway-migrate} raises; {@link #code()} tells callers which kind it is. */
public class MigrateException extends RuntimeException {

    private final MigrateErrorCode code;

    public MigrateException(MigrateErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public MigrateException(MigrateErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public MigrateErrorCode code() {
        return code;
    }
}
