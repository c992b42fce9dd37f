package dev.slipway.lambda.exceptions;

import java.util.List;

/**
 * A client error with its HTTP status, sent as {@code {"error": code, "message": ..., "details": [...]}}.
 * The message is shown to the caller: say what to fix, never include SQL or internals.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<String> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    /** No caller, or one API Gateway would not have let through: authenticate and try again. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    /** A known caller who may not do this. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException validation(List<String> problems) {
        return new ApiException(
                422,
                "validation_failed",
                "The request has invalid fields: " + String.join("; ", problems) + ".",
                problems);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
