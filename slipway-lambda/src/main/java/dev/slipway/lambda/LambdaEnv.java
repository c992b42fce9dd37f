package dev.slipway.lambda;

/**
 * The environment variables of AWS that Slipway's Lambda code reads. Slipway's own ({@code SLIPWAY_*}) are
 * {@link dev.slipway.core.Setting}s.
 */
public final class LambdaEnv {

    /** Port of the AWS Parameters and Secrets Lambda Extension (the extension's own variable; default 2773). */
    public static final String EXTENSION_PORT = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    /** The session token Lambda sets; the extension requires it on every request. */
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private LambdaEnv() {}
}
