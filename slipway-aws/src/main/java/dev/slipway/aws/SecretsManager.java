package dev.slipway.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * Secrets Manager's {@code GetSecretValue}, signed with SigV4, without the AWS SDK
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html). It always reads the
 * secret's current value, unlike the Parameters and Secrets extension, whose cache may hold a rotated-away value for
 * up to its TTL (5 minutes by default) and which offers no way to bypass it.
 */
public final class SecretsManager {

    private final AwsJsonCall calls;

    public SecretsManager(URI endpoint, String region, AwsIdentitySource identity) {
        this(new AwsJsonCall(endpoint, region, "secretsmanager", identity));
    }

    private SecretsManager(AwsJsonCall calls) {
        this.calls = calls;
    }

    /**
     * Configured as the AWS SDKs are: the region from {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), the
     * endpoint from {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code AWS_ENDPOINT_URL} when set
     * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html), else the regional one; the keys
     * from {@link AwsIdentitySource#fromEnvironment}.
     *
     * @throws IllegalStateException naming what to set when the region or the keys are missing
     */
    public static SecretsManager fromEnvironment(Map<String, String> env) {
        return new SecretsManager(
                AwsJsonCall.fromEnvironment(env, "SECRETS_MANAGER", "secretsmanager", "read the secret from"));
    }

    /** The current {@code SecretString} of {@code secretId} (an ARN or a name). */
    public String getSecretString(String secretId) {
        JsonNode answer;
        try {
            answer = calls.call(
                    "secretsmanager.GetSecretValue", Map.of("SecretId", secretId), "GetSecretValue on " + secretId);
        } catch (AwsCallException e) {
            String hint = hint(e.errorType());
            if (hint.isEmpty()) throw e;
            throw new AwsCallException(e.status(), e.errorType(), e.getMessage() + hint, e.getCause());
        }
        if (!answer.hasNonNull("SecretString")) {
            throw new AwsCallException(
                    200, null, "Secret " + secretId + " has no SecretString (binary secrets are not supported).", null);
        }
        return answer.get("SecretString").asText();
    }

    private static String hint(String errorType) {
        if (errorType == null) return "";
        return switch (errorType) {
            case "AccessDeniedException" ->
                " Grant the function's role secretsmanager:GetSecretValue on the secret"
                        + " (and kms:Decrypt on its key when it has a customer managed one).";
            case "ResourceNotFoundException" -> " Check the secret's ARN (SLIPWAY_DB_SECRET_ARN) and region.";
            case "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException" ->
                " The signing keys were refused: check the clock and the credentials in the environment.";
            default -> "";
        };
    }
}
