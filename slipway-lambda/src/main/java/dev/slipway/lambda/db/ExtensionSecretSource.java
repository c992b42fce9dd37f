package dev.slipway.lambda.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.Setting;
import dev.slipway.lambda.LambdaEnv;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import dev.slipway.lambda.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Reads secrets through the AWS Parameters and Secrets Lambda Extension ({@code GET
 * http://localhost:2773/secretsmanager/get?secretId=...}), which AWS recommends over SDK calls: it caches, and the
 * function needs no AWS SDK (5 MB it would otherwise carry). The CDK constructs add the extension layer.
 */
public final class ExtensionSecretSource implements SecretSource {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String token;

    public ExtensionSecretSource(URI base, String sessionToken) {
        this.base = base;
        this.token = sessionToken;
    }

    public static ExtensionSecretSource fromEnvironment(Map<String, String> env) {
        String port = env.getOrDefault(LambdaEnv.EXTENSION_PORT, "2773");
        return new ExtensionSecretSource(URI.create("http://localhost:" + port), env.get(LambdaEnv.SESSION_TOKEN));
    }

    @Override
    public String fetch(String secretId) {
        URI uri = base.resolve("/secretsmanager/get?secretId=" + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (token != null) request.header("X-Aws-Parameters-Secrets-Token", token);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.UNREACHABLE,
                    "The AWS Parameters and Secrets Lambda Extension at " + base + " did not answer within 5 s.",
                    e);
        } catch (IOException e) {
            throw new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.SECRET,
                    "Cannot reach the AWS Parameters and Secrets Lambda Extension at " + base
                            + " (" + e.getMessage() + "). Add the extension layer to the function (the Slipway CDK"
                            + " constructs do), or set " + Setting.URL.env() + " for a local run.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.UNREACHABLE, "Interrupted while reading secret " + secretId, e);
        }
        if (response.statusCode() != 200) {
            // 4xx: permission or name (the operator must fix it); 5xx: Secrets Manager or the extension, retryable
            SlipwayLambdaException.Kind kind = response.statusCode() >= 500
                    ? SlipwayLambdaException.Kind.UNREACHABLE
                    : SlipwayLambdaException.Kind.SECRET;
            throw new SlipwayLambdaException(
                    kind,
                    "Reading secret " + secretId + " failed with HTTP " + response.statusCode()
                            + ". Check that the secret exists and the function's role may"
                            + " secretsmanager:GetSecretValue on it.");
        }
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (!body.hasNonNull("SecretString")) {
                throw new SlipwayLambdaException(
                        SlipwayLambdaException.Kind.SECRET,
                        "Secret " + secretId + " has no SecretString (binary secrets are not" + " supported).");
            }
            return body.get("SecretString").asText();
        } catch (IOException e) {
            throw new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.SECRET,
                    "The extension returned something that is not JSON for " + secretId,
                    e);
        }
    }
}
