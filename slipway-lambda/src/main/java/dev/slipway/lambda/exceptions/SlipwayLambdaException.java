package dev.slipway.lambda.exceptions;

/** The root of errors raised by slipway-lambda outside a request (configuration, credentials, connections). */
public class SlipwayLambdaException extends RuntimeException {

    public SlipwayLambdaException(String message) {
        super(message);
    }

    public SlipwayLambdaException(String message, Throwable cause) {
        super(message, cause);
    }
}
