package dev.slipway.lambda.db;

/** Fetches a secret's string value. A seam: the extension in Lambda, anything else in tests or elsewhere. */
@FunctionalInterface
public interface SecretSource {

    /** The current value of {@code secretId} (an ARN or name). */
    String fetch(String secretId);
}
