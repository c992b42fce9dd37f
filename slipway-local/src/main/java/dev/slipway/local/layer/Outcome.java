package dev.slipway.local.layer;

/**
 * What a function answered to one invocation.
 *
 * @param payload its response (JSON) when it succeeded
 * @param error the error it reported (Lambda's {@code errorMessage}/{@code errorType} JSON) when it failed
 */
public record Outcome(String payload, String error) {

    public boolean failed() {
        return error != null;
    }
}
