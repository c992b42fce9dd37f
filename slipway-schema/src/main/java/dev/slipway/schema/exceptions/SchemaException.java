package dev.slipway.schema.exceptions;

/** The root of every error {@code slipway-schema} raises; {@link #code()} tells callers which kind it is. */
public class SchemaException extends dev.slipway.core.SlipwayException {

    private final SchemaErrorCode code;

    public SchemaException(SchemaErrorCode code, String message) {
        this(code, message, null);
    }

    public SchemaException(SchemaErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public SchemaErrorCode code() {
        return code;
    }

    /** A file that is not there (schema.sql, a migrations directory) is the user's to fix: {@code EXIT_USAGE}. */
    @Override
    public int exitCode() {
        if (code == SchemaErrorCode.IO_ERROR && getCause() instanceof java.nio.file.NoSuchFileException) {
            return dev.slipway.core.ErrorCode.EXIT_USAGE;
        }
        return code.exitCode();
    }

    @Override
    public boolean retryable() {
        return code().retryable();
    }
}
