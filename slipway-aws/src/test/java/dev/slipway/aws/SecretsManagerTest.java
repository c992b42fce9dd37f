package dev.slipway.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.testing.SecretsManagerStandIn;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class SecretsManagerTest {

    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blog-db-AbCdEf";
    private static final String SECRET_JSON = "{\"username\":\"blog\",\"password\":\"p\\\"w\"}";

    private SecretsManagerStandIn aws;

    @BeforeEach
    void start() throws Exception {
        aws = new SecretsManagerStandIn(
                AwsSessionCredentialsIdentity.create("ASIAFUNCTION", "function/secret", "session-token"), "eu-west-1");
        aws.put(SECRET_ARN, SECRET_JSON);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Map<String, String> lambdaEnvironment() {
        return Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "ASIAFUNCTION",
                "AWS_SECRET_ACCESS_KEY", "function/secret",
                "AWS_SESSION_TOKEN", "session-token",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint().toString());
    }

    @Test
    void theStandIn_answersTheUnmodifiedAwsSdk_asSecretsManagerDoes() {
        try (SecretsManagerClient sdk = SecretsManagerClient.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("ASIAFUNCTION", "function/secret", "session-token")))
                .build()) {
            assertThat(sdk.getSecretValue(r -> r.secretId(SECRET_ARN)).secretString())
                    .isEqualTo(SECRET_JSON);
            assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId("missing")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void getSecretString_readsTheCurrentValue_signedWithTheFunctionsSessionKeys() {
        SecretsManager secrets = SecretsManager.fromEnvironment(lambdaEnvironment());

        assertThat(secrets.getSecretString(SECRET_ARN)).isEqualTo(SECRET_JSON);
        aws.put(SECRET_ARN, "{\"rotated\":true}");
        assertThat(secrets.getSecretString(SECRET_ARN)).isEqualTo("{\"rotated\":true}");
        assertThat(aws.reads()).isEqualTo(2);
    }

    @Test
    void underSnapStart_theKeysComeFromTheContainerCredentialsEndpoint() throws Exception {
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/2018-06-01/credentials", exchange -> {
            try (exchange) {
                boolean authorized =
                        "container-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = (authorized
                                ? "{\"AccessKeyId\":\"ASIAFUNCTION\",\"SecretAccessKey\":\"function/secret\","
                                        + "\"Token\":\"session-token\",\"Expiration\":\""
                                        + Instant.now().plusSeconds(900)
                                        + "\"}"
                                : "{}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(authorized ? 200 : 403, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        endpoint.start();
        try {
            // a restored SnapStart function has no AWS_ACCESS_KEY_ID / AWS_SESSION_TOKEN, only the endpoint
            Map<String, String> snapStart = Map.of(
                    "AWS_REGION",
                    "eu-west-1",
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2018-06-01/credentials",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                    "container-token",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                    aws.endpoint().toString());

            assertThat(SecretsManager.fromEnvironment(snapStart).getSecretString(SECRET_ARN))
                    .isEqualTo(SECRET_JSON);
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void aRefusal_namesAwsErrorType_andTheFix() {
        Map<String, String> wrongKey = new java.util.HashMap<>(lambdaEnvironment());
        wrongKey.put("AWS_ACCESS_KEY_ID", "ASIAOTHER");
        SecretsManager secrets = SecretsManager.fromEnvironment(lambdaEnvironment());

        assertThatThrownBy(() -> SecretsManager.fromEnvironment(wrongKey).getSecretString(SECRET_ARN))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("UnrecognizedClientException");
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("credentials in the environment");
        assertThatThrownBy(() -> secrets.getSecretString("arn:aws:secretsmanager:eu-west-1:1:secret:gone"))
                .isInstanceOfSatisfying(
                        AwsCallException.class, e -> assertThat(e.errorType()).isEqualTo("ResourceNotFoundException"))
                .hasMessageContaining("Check the secret's ARN");
    }

    @Test
    void aSignatureOverADifferentBody_isRefused_soTheStandInReallyChecksIt() throws Exception {
        byte[] signedBody = ("{\"SecretId\":\"" + SECRET_ARN + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] sentBody =
                "{\"SecretId\":\"arn:aws:secretsmanager:eu-west-1:1:secret:other\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "secretsmanager.GetSecretValue");
        var request = java.net.http.HttpRequest.newBuilder(aws.endpoint())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(sentBody));
        SigV4Signer.sign(
                        aws.endpoint(),
                        headers,
                        signedBody,
                        AwsIdentitySource.of("ASIAFUNCTION", "function/secret", "session-token"),
                        "eu-west-1",
                        "secretsmanager")
                .forEach(request::header);

        var response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidSignatureException");
    }

    @Test
    void whenTheKeysCannotBeLoaded_theCallFailsRetryably_sayingWhy() {
        SecretsManager secrets = new SecretsManager(aws.endpoint(), "eu-west-1", () -> {
            throw new IllegalStateException("the container credentials endpoint answered 500");
        });
        assertThatThrownBy(() -> secrets.getSecretString(SECRET_ARN))
                .isInstanceOfSatisfying(
                        AwsCallException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("No AWS credentials")
                .hasMessageContaining("answered 500");
    }

    @Test
    void withoutRegionOrKeys_theErrorSaysWhatToSet() {
        assertThatThrownBy(() -> SecretsManager.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> SecretsManager.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
}
