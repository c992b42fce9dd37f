package dev.slipway.lambda;

/** The environment variables Slipway's Lambda code reads, in one place. */
public final class LambdaEnv {

    /** ARN (or name) of the Secrets Manager secret holding the RDS secret JSON. Set by the CDK constructs. */
    public static final String DB_SECRET_ARN = "SLIPWAY_DB_SECRET_ARN";
    /** A JDBC URL for local runs, instead of a secret (with {@link #USER} and {@link #PASSWORD}). */
    public static final String URL = "SLIPWAY_URL";

    public static final String USER = "SLIPWAY_USER";
    public static final String PASSWORD = "SLIPWAY_PASSWORD";
    /** Overrides the database name of the secret (the secret's {@code dbname}), e.g. for one database per app. */
    public static final String DB_NAME = "SLIPWAY_DB_NAME";
    /** Overrides the secret's {@code host}, e.g. with an RDS Proxy endpoint. */
    public static final String DB_HOST = "SLIPWAY_DB_HOST";
    /** {@code true} lets the migration function run {@code {"command":"reset"}}. */
    public static final String ALLOW_RESET = "SLIPWAY_ALLOW_RESET";
    /** Port of the AWS Parameters and Secrets Lambda Extension (the extension's own variable; default 2773). */
    public static final String EXTENSION_PORT = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    /** The session token Lambda sets; the extension requires it on every request. */
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private LambdaEnv() {}
}
