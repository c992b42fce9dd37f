package dev.slipway.dataapi.internal;

/**
 * An error as the RDS Data API reports it: its type (the exception name the SDKs map to a class), its HTTP status
 * and a message. The message never holds a password or a stack trace.
 */
public final class DataApiException extends RuntimeException {

    private final String type;
    private final int status;

    public DataApiException(String type, int status, String message) {
        super(message);
        this.type = type;
        this.status = status;
    }

    public DataApiException(String type, int status, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public static DataApiException badRequest(String message) {
        return new DataApiException("BadRequestException", 400, message);
    }

    public static DataApiException databaseError(String message, Throwable cause) {
        return new DataApiException("DatabaseErrorException", 400, message, cause);
    }

    public static DataApiException notFound(String message) {
        return new DataApiException("NotFoundException", 404, message);
    }

    public static DataApiException transactionNotFound(String id, String why) {
        return new DataApiException("TransactionNotFoundException", 404, "Transaction " + id + " is not found" + why);
    }

    public static DataApiException unavailable(String message, Throwable cause) {
        return new DataApiException("ServiceUnavailableError", 503, message, cause);
    }

    public static DataApiException unsupportedResult(String message) {
        return new DataApiException("UnsupportedResultException", 400, message);
    }

    public static DataApiException forbidden(String type, String message) {
        return new DataApiException(type, 403, message);
    }
}
