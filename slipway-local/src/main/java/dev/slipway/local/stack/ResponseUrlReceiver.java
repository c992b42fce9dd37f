package dev.slipway.local.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stands in for CloudFormation's pre-signed ResponseURL: receives the custom resource's PUT on 127.0.0.1. */
final class ResponseUrlReceiver implements AutoCloseable {

    private final HttpServer server;
    private final CompletableFuture<String> body = new CompletableFuture<>();

    ResponseUrlReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            body.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-response";
    }

    String await(long seconds) throws Exception {
        return body.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
