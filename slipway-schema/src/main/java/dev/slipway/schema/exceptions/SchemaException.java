package dev.slipway.schema.exceptions;

/** The root of every error {@code slipway-schema} raises; {@link #code()} tells callers which kind it is. */
public class SchemaException extends RuntimeException {

    private final SchemaErrorCode code;

    public SchemaException(SchemaErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SchemaException(SchemaErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public SchemaErrorCode code() {
        return code;
    }
}
