package dev.slipway.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets Manager's {@code GetSecretValue}, signed with SigV4, without the AWS SDK: one POST of AWS JSON 1.1
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html). It always reads the
 * secret's current value, unlike the Parameters and Secrets extension, whose cache may hold a rotated-away value for
 * up to its TTL (5 minutes by default) and which offers no way to bypass it.
 */
public final class SecretsManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final String region;
    private final AwsIdentitySource identity;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SecretsManager(URI endpoint, String region, AwsIdentitySource identity) {
        this.endpoint = endpoint;
        this.region = region;
        this.identity = identity;
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
        String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (region == null) {
            throw new IllegalStateException(
                    "No AWS region to read the secret from: set AWS_REGION (Lambda and ECS set it themselves).");
        }
        AwsIdentitySource identity = AwsIdentitySource.fromEnvironment(env);
        if (identity == null) {
            throw new IllegalStateException("No AWS credentials to read the secret with: set AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, or AWS_CONTAINER_CREDENTIALS_FULL_URI (Lambda and ECS set them"
                    + " themselves).");
        }
        String override = firstSet(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL");
        URI endpoint = override != null
                ? URI.create(override)
                : URI.create("https://secretsmanager." + region + ".amazonaws.com"
                        + (region.startsWith("cn-") ? ".cn" : "") + "/");
        return new SecretsManager(endpoint, region, identity);
    }

    /** The current {@code SecretString} of {@code secretId} (an ARN or a name). */
    public String getSecretString(String secretId) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("SecretId", secretId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = send(secretId, body);
        JsonNode answer = parse(secretId, response);
        if (response.statusCode() != 200) {
            String type = answer.path("__type").asText("");
            type = type.substring(type.indexOf('#') + 1); // "com.amazonaws...#ResourceNotFoundException"
            String message =
                    answer.path("Message").asText(answer.path("message").asText(""));
            throw new AwsCallException(
                    response.statusCode(),
                    type.isEmpty() ? null : type,
                    "Secrets Manager refused GetSecretValue on " + secretId + " (HTTP " + response.statusCode()
                            + (type.isEmpty() ? "" : " " + type) + (message.isEmpty() ? "" : ": " + message) + ")."
                            + hint(type),
                    null);
        }
        if (!answer.hasNonNull("SecretString")) {
            throw new AwsCallException(
                    200, null, "Secret " + secretId + " has no SecretString (binary secrets are not supported).", null);
        }
        return answer.get("SecretString").asText();
    }

    private HttpResponse<String> send(String secretId, byte[] body) {
        URI uri = endpoint.getPath().isEmpty() ? endpoint.resolve("/") : endpoint;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "secretsmanager.GetSecretValue");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            SigV4Signer.sign(uri, headers, body, identity.get(), region, "secretsmanager")
                    .forEach(request::header);
        } catch (IllegalStateException e) {
            throw new AwsCallException(0, null, "No AWS credentials to read " + secretId + ": " + e.getMessage(), e);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AwsCallException(
                    0,
                    null,
                    "Secrets Manager at " + uri + " could not be reached (" + e + "). A function in private subnets"
                            + " needs a Secrets Manager VPC endpoint (SlipwayNetwork adds one) or a NAT.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException(0, null, "Interrupted while reading secret " + secretId, e);
        }
    }

    private static JsonNode parse(String secretId, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new AwsCallException(
                    response.statusCode(),
                    null,
                    "Secrets Manager answered GetSecretValue on " + secretId + " with HTTP " + response.statusCode()
                            + " and a body that is not JSON.",
                    e);
        }
    }

    private static String hint(String errorType) {
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

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return null;
    }
}
