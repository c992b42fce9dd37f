package dev.slipway.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The container credentials endpoint an ECS task (or a SnapStart function) gets its role's keys from, on 127.0.0.1
 * (port 0): {@code GET /v2/credentials} answers the keys as JSON ({@code AccessKeyId, SecretAccessKey, Token,
 * Expiration}, an hour ahead) when {@code Authorization} carries the token, else 401
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-container-credentials.html).
 */
public final class ContainerCredentialsStandIn implements AutoCloseable {

    private final HttpServer server;
    private final String token;

    public ContainerCredentialsStandIn(AwsSessionCredentialsIdentity keys, String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/credentials", exchange -> {
            try (exchange) {
                boolean ok = token.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] answer = (ok
                                ? "{\"AccessKeyId\":\"" + keys.accessKeyId() + "\",\"SecretAccessKey\":\""
                                        + keys.secretAccessKey() + "\",\"Token\":\"" + keys.sessionToken()
                                        + "\",\"Expiration\":\"" + Instant.now().plusSeconds(3600) + "\"}"
                                : "{\"message\":\"bad token\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(ok ? 200 : 401, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    /** What the container's environment names: the endpoint and its token. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                token);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
