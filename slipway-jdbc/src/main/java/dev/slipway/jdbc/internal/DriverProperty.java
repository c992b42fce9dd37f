package dev.slipway.jdbc.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The driver's properties (connection properties or URL parameters), in one place: {@link DriverSettings} accepts
 * exactly these, {@code DataApiDriver.getPropertyInfo} lists them, and a test holds the README's table to them.
 */
public enum DriverProperty {
    RESOURCE_ARN("resourceArn", "the Aurora cluster's ARN (optional against a proxy in development mode)"),
    SECRET_ARN("secretArn", "the Secrets Manager secret's ARN (optional against a proxy in development mode)"),
    ACCESS_KEY_ID("accessKeyId", "the access key to sign with (else the default AWS credentials)"),
    SECRET_ACCESS_KEY("secretAccessKey", "its secret"),
    SESSION_TOKEN("sessionToken", "its session token, for temporary credentials"),
    API_KEY("apiKey", "a Slipway proxy API key, instead of SigV4"),
    ENGINE("engine", "postgresql or mysql (else asked of the server)"),
    SESSION("session", "stateless (default) or pinned: one database session for the connection's life"),
    TLS("tls", "true for https to a proxy"),
    REGION("region", "the region to sign for (proxy URLs; default: the resourceArn's region)"),
    CONTINUE_AFTER_TIMEOUT(
            "continueAfterTimeout", "let statements run past the Data API's 45 s (default: true when pinned)"),
    REQUEST_TIMEOUT_SECONDS("requestTimeoutSeconds", "how long one HTTP call may take (default 60)");

    private final String key;
    private final String description;

    DriverProperty(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name in a URL or a {@link java.util.Properties}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Every property's name. */
    public static Set<String> keys() {
        return Arrays.stream(values()).map(DriverProperty::key).collect(Collectors.toUnmodifiableSet());
    }
}
