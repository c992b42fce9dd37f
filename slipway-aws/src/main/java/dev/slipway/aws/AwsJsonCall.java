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
 * One call of an AWS JSON 1.1 API (Secrets Manager, ECS): a SigV4-signed POST of {@code application/x-amz-json-1.1}
 * naming the operation in {@code X-Amz-Target}; errors come back as {@code {"__type", "message"}}. What the SDK's
 * protocol layer does, for the two services Slipway calls without it.
 */
final class AwsJsonCall {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI endpoint;
    private final String region;
    private final String service;
    private final AwsIdentitySource identity;

    AwsJsonCall(URI endpoint, String region, String service, AwsIdentitySource identity) {
        this.endpoint = endpoint.getPath().isEmpty() ? endpoint.resolve("/") : endpoint;
        this.region = region;
        this.service = service;
        this.identity = identity;
    }

    /**
     * Calls {@code target} (e.g. {@code secretsmanager.GetSecretValue}) with {@code request}; returns AWS's answer.
     *
     * @param what how to name the call in errors, e.g. "GetSecretValue on arn:..."
     * @throws AwsCallException with AWS's status, error type and message, or status 0 when there was no answer
     */
    JsonNode call(String target, Object request, String what) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", target);
        HttpRequest.Builder http =
                HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            SigV4Signer.sign(endpoint, headers, body, identity.get(), region, service)
                    .forEach(http::header);
        } catch (IllegalStateException e) {
            throw new AwsCallException(0, null, "No AWS credentials for " + what + ": " + e.getMessage(), e);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AwsCallException(
                    0,
                    null,
                    service + " at " + endpoint + " could not be reached for " + what + " (" + e + "). In private"
                            + " subnets, this needs a VPC endpoint for " + service + " or a NAT.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException(0, null, "Interrupted during " + what, e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new AwsCallException(
                    response.statusCode(),
                    null,
                    service + " answered " + what + " with HTTP " + response.statusCode() + " and a body that is not"
                            + " JSON.",
                    e);
        }
        if (response.statusCode() != 200) {
            String type = answer.path("__type").asText("");
            type = type.substring(type.indexOf('#') + 1); // "com.amazonaws...#ResourceNotFoundException"
            String message =
                    answer.path("Message").asText(answer.path("message").asText(""));
            throw new AwsCallException(
                    response.statusCode(),
                    type.isEmpty() ? null : type,
                    service + " refused " + what + " (HTTP " + response.statusCode()
                            + (type.isEmpty() ? "" : " " + type) + (message.isEmpty() ? "" : ": " + message) + ").",
                    null);
        }
        return answer;
    }

    /** The endpoint as the AWS SDKs choose it: {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, else AWS's. */
    static URI endpoint(Map<String, String> env, String serviceId, String prefix, String region) {
        String override = firstSet(env, "AWS_ENDPOINT_URL_" + serviceId, "AWS_ENDPOINT_URL");
        if (override != null) return URI.create(override);
        return URI.create(
                "https://" + prefix + "." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "") + "/");
    }

    /** The region, the keys and the endpoint from the environment, or an error naming what to set. */
    static AwsJsonCall fromEnvironment(Map<String, String> env, String serviceId, String prefix, String what) {
        String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (region == null) {
            throw new IllegalStateException(
                    "No AWS region to " + what + ": set AWS_REGION (Lambda and ECS set it themselves).");
        }
        AwsIdentitySource identity = AwsIdentitySource.fromEnvironment(env);
        if (identity == null) {
            throw new IllegalStateException("No AWS credentials to " + what + ": set AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, or AWS_CONTAINER_CREDENTIALS_FULL_URI (Lambda and ECS set them"
                    + " themselves).");
        }
        return new AwsJsonCall(endpoint(env, serviceId, prefix, region), region, prefix, identity);
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return null;
    }
}
