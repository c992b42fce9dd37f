package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import dev.slipway.testing.SecretsManagerStandIn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class SecretSourceTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db";

    @Test
    void withoutASessionToken_asUnderSnapStart_theExtensionIsNotAsked_andSecretsManagerAnswers() throws Exception {
        try (SecretsManagerStandIn aws =
                new SecretsManagerStandIn(AwsCredentialsIdentity.create("AKIAFUNCTION", "secret"), "eu-west-1")) {
            aws.put(ARN, "{\"v\":1}");
            Map<String, String> env = Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIAFUNCTION",
                    "AWS_SECRET_ACCESS_KEY", "secret",
                    // a port nothing listens on: asking the extension would fail
                    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "1",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint().toString());

            SecretSource secrets = SecretSource.forFunction(env);

            assertThat(secrets.fetch(ARN)).isEqualTo("{\"v\":1}");
            assertThat(secrets.fetchCurrent(ARN)).isEqualTo("{\"v\":1}");
            assertThat(aws.reads()).isEqualTo(2);
        }
    }

    @Test
    void whenTheExtensionRefusesTheToken_SecretsManagerAnswers() throws Exception {
        try (SecretsManagerStandIn aws = new SecretsManagerStandIn(
                        software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity.create(
                                "ASIAFUNCTION", "secret", "session-token"),
                        "eu-west-1");
                var extension = RefusingExtension.start()) {
            aws.put(ARN, "{\"v\":2}");
            Map<String, String> env = Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "ASIAFUNCTION",
                    "AWS_SECRET_ACCESS_KEY", "secret",
                    "AWS_SESSION_TOKEN", "session-token",
                    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(extension.port()),
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint().toString());

            assertThat(SecretSource.forFunction(env).fetch(ARN)).isEqualTo("{\"v\":2}");
            assertThat(extension.asked()).isEqualTo(1);
            assertThat(aws.reads()).isEqualTo(1);
        }
    }

    /** Answers as the extension does to a token it does not accept. */
    private record RefusingExtension(
            com.sun.net.httpserver.HttpServer server, java.util.concurrent.atomic.AtomicInteger counter)
            implements AutoCloseable {
        static RefusingExtension start() throws java.io.IOException {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            var asked = new java.util.concurrent.atomic.AtomicInteger();
            server.createContext("/", exchange -> {
                try (exchange) {
                    asked.incrementAndGet();
                    byte[] body = "bad session token or header key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(401, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return new RefusingExtension(server, asked);
        }

        int port() {
            return server.getAddress().getPort();
        }

        int asked() {
            return counter.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void anUnknownSecret_isASecretError_thatNamesTheSetting() throws Exception {
        try (SecretsManagerStandIn aws =
                new SecretsManagerStandIn(AwsCredentialsIdentity.create("AKIAFUNCTION", "secret"), "eu-west-1")) {
            Map<String, String> env = Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIAFUNCTION",
                    "AWS_SECRET_ACCESS_KEY", "secret",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint().toString());

            assertThatThrownBy(() -> SecretSource.forFunction(env).fetchCurrent(ARN))
                    .isInstanceOfSatisfying(
                            SlipwayLambdaException.class,
                            e -> assertThat(e.kind()).isEqualTo(SlipwayLambdaException.Kind.SECRET))
                    .hasMessageContaining("ResourceNotFoundException")
                    .hasMessageContaining("SLIPWAY_DB_SECRET_ARN");
        }
    }

    @Test
    void withoutRegion_theErrorIsAConfigurationError_sayingWhatToSet() {
        assertThatThrownBy(() -> SecretSource.forFunction(Map.of()).fetch(ARN))
                .isInstanceOfSatisfying(
                        SlipwayLambdaException.class,
                        e -> assertThat(e.kind()).isEqualTo(SlipwayLambdaException.Kind.CONFIGURATION))
                .hasMessageContaining("AWS_REGION");
    }
}
