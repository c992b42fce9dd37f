package dev.slipway.local.layer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's {@code GetSecretValue} (JSON 1.1) on 127.0.0.1 for a training run: every call answers the one
 * secret. It checks no signature: it exists for the length of one build step, on loopback.
 */
final class LocalSecretsManager implements AutoCloseable {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:slipway-training";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();

    LocalSecretsManager(String secretJson) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean getSecretValue = "secretsmanager.GetSecretValue"
                    .equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String body = getSecretValue
                    ? JSON.createObjectNode()
                            .put("ARN", ARN)
                            .put("Name", "slipway-training")
                            .put("SecretString", secretJson)
                            .toString()
                    : "{\"__type\":\"UnknownOperationException\"}";
            if (getSecretValue) reads.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(getSecretValue ? 200 : 400, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int reads() {
        return reads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
