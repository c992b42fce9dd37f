package dev.slipway.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.core.routes.Route;
import dev.slipway.local.layer.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * API Gateway HTTP API, locally: each request becomes a payload 2.0 event for the function the routes file names,
 * and the function's answer becomes the HTTP response. A path no route matches goes to the single function when
 * there is only one (as a {@code $default} route does), so it can answer 404/405 itself; else 404 as API Gateway.
 */
public final class LocalHttpApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final List<Route> routes;
    private final Map<String, LocalFunction> functions;
    private final LocalAuthorizer authorizer;

    /**
     * @param authorizer checks the callers of routes that require one, as API Gateway's authorizers do; its
     *     development issuer's keys are served at {@code /.well-known/jwks.json}
     */
    public LocalHttpApi(int port, List<Route> routes, Map<String, LocalFunction> functions, LocalAuthorizer authorizer)
            throws IOException {
        this("127.0.0.1", port, routes, functions, authorizer);
    }

    /** On {@code bind} ({@code 0.0.0.0}: every interface, as in a container), not only this machine's loopback. */
    public LocalHttpApi(
            String bind, int port, List<Route> routes, Map<String, LocalFunction> functions, LocalAuthorizer authorizer)
            throws IOException {
        this.routes = routes;
        this.functions = functions;
        this.authorizer = authorizer;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException(
                    "Port " + port + " on " + bind + " is in use (another slipway up?). Stop"
                            + " that, or pass --port N (--port 0 picks a free one).",
                    e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
    }

    /** Starts serving. The port is bound from construction on, so a busy port fails before anything else runs. */
    public LocalHttpApi start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Optional<Route> route = routes.stream()
                    .filter(r -> r.method().equals(method) && r.match(path).isPresent())
                    .findFirst();
            Optional<String> jwks = authorizer.developmentJwks();
            if (route.isEmpty() && jwks.isPresent() && method.equals("GET") && path.equals("/.well-known/jwks.json")) {
                send(
                        exchange,
                        200,
                        Map.of("Content-Type", "application/json"),
                        jwks.get().getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            LocalAuthorizer.Request request =
                    new LocalAuthorizer.Request(method, target, Map.copyOf(exchange.getRequestHeaders()), body);
            LocalAuthorizer.Decision decision =
                    route.map(r -> authorizer.decide(r.access(), request)).orElse(LocalAuthorizer.Decision.admit(null));
            if (decision.refused()) {
                boolean forbidden = decision.refusedWith() == 403;
                send(
                        exchange,
                        decision.refusedWith(),
                        Map.of(
                                "Content-Type",
                                "application/json",
                                // not API Gateway's: says locally why, where API Gateway says only Unauthorized
                                "x-slipway-up-refused",
                                decision.reason().replaceAll("[\\r\\n]+", " ")),
                        (forbidden ? "{\"message\":\"Forbidden\"}" : "{\"message\":\"Unauthorized\"}")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            LocalFunction function = route.map(r -> functions.get(r.function()))
                    .orElse(
                            functions.size() == 1
                                    ? functions.values().iterator().next()
                                    : null);
            if (function == null) {
                send(
                        exchange,
                        404,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Not Found\"}".getBytes());
                return;
            }
            ObjectNode event = event(exchange, route, body);
            if (decision.authorizer() != null) {
                ((ObjectNode) event.get("requestContext")).set("authorizer", decision.authorizer());
            }
            Outcome outcome = function.invoke(JSON.writeValueAsString(event), TIMEOUT);
            if (outcome.failed()) {
                send(
                        exchange,
                        500,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes());
                return;
            }
            respond(exchange, JSON.readTree(outcome.payload()));
        } catch (Exception e) {
            send(
                    exchange,
                    502,
                    Map.of("Content-Type", "application/json"),
                    ("{\"message\":\"slipway up: " + e.getClass().getSimpleName() + "\"}").getBytes());
        }
    }

    private static ObjectNode event(HttpExchange exchange, Optional<Route> route, byte[] body) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.map(Route::routeKey).orElse("$default"));
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        if (rawQuery != null && !rawQuery.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.merge(key, value, (a, b) -> a + "," + b);
            }
            ObjectNode params = event.putObject("queryStringParameters");
            query.forEach(params::put);
        }
        route.flatMap(r -> r.match(path)).filter(p -> !p.isEmpty()).ifPresent(p -> {
            ObjectNode params = event.putObject("pathParameters");
            p.forEach(params::put);
        });
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", event.get("routeKey").asText());
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
            event.put(
                    "body",
                    text
                            ? new String(body, StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Payload 2.0 responses: an object with statusCode is taken as is; anything else is a 200 JSON body. */
    private static void respond(HttpExchange exchange, JsonNode answer) throws IOException {
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            send(exchange, 200, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(answer));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (answer.hasNonNull("headers"))
            answer.get("headers")
                    .fields()
                    .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        byte[] body = new byte[0];
        if (answer.hasNonNull("body")) {
            String text = answer.get("body").asText();
            body = answer.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, answer.get("statusCode").asInt(), headers, body);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) return true;
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("x-www-form-urlencoded");
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
