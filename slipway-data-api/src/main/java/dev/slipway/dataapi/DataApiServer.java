package dev.slipway.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.dataapi.internal.Cancellation;
import dev.slipway.dataapi.internal.DataApiException;
import dev.slipway.dataapi.internal.Metrics;
import dev.slipway.dataapi.internal.Operations;
import dev.slipway.dataapi.internal.Pools;
import dev.slipway.dataapi.internal.SigV4;
import dev.slipway.dataapi.internal.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data proxy: an HTTP server speaking the RDS Data API (paths, JSON shapes, error types) over pooled JDBC
 * connections. Built on the JDK's HTTP server with a virtual thread per request: no framework, and a request
 * blocked on the database holds no platform thread.
 */
public final class DataApiServer implements AutoCloseable {

    /** AWS's request limit, 4 MiB including headers (BatchExecuteStatement documentation). */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** AWS's response limit, 1 MiB (Data API limitations). */
    public static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DataApiServer.class);

    static {
        // The JDK server closes keep-alive connections beyond 200 idle ones (sun.net.httpserver.maxIdleConnections);
        // a client that reuses one then fails with an IOException. Hundreds of clients keep that many open.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataApiConfig config;
    private final HttpServer server;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "data-api-transaction-expiry");
        t.setDaemon(true);
        return t;
    });
    private final Pools pools;
    private final Transactions transactions;
    private final Operations operations;
    private final SigV4 sigV4;
    private final Metrics metrics;

    private DataApiServer(DataApiConfig config, Clock clock) throws IOException {
        this.config = config;
        this.transactions = new Transactions(clock, config.limits().transactionsPerKey(config.maxConnections()));
        this.metrics = new Metrics(transactions::count);
        this.pools = new Pools(
                config.maxConnections(),
                config.limits().connectionsPerKey(config.maxConnections()),
                config.borrowTimeout(),
                metrics.registry());
        this.operations = new Operations(config, pools, transactions);
        this.sigV4 = new SigV4(config.accessKeys()::get, clock);
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        if (config.tls() != null) {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 1024);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(Tls.context(config.tls())));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 1024);
        }
        server.setExecutor(requests);
        server.createContext("/", this::handle);
        server.createContext("/metrics", this::metrics);
        server.createContext("/health", this::health);
        reaper.scheduleWithFixedDelay(transactions::expire, 10, 10, TimeUnit.SECONDS);
        reaper.scheduleWithFixedDelay(pools::closeIdle, 60, 60, TimeUnit.SECONDS);
        server.start();
    }

    public static DataApiServer start(DataApiConfig config) throws IOException {
        DataApiServer server = new DataApiServer(config, Clock.systemUTC());
        LOG.info(
                "Data API listening on {} ({}; {})",
                server.endpoint(),
                config.development() != null
                        ? "every ARN -> " + config.development()
                        : config.targets().size() + " targets",
                config.authenticationRequired() ? "SigV4 or API key required" : "no authentication: loopback use only");
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What a client's {@code endpointOverride} is set to. */
    public URI endpoint() {
        return URI.create((config.tls() != null ? "https://" : "http://") + config.bindAddress() + ":" + port());
    }

    /**
     * One Data API call. Metrics are recorded before the answer is sent, so that a client that reads
     * {@code /metrics} right after its answer sees its own request counted.
     */
    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String operation = Operations.operationOf(exchange.getRequestURI().getPath());
        int status;
        String error = null;
        long in = 0;
        byte[] answer;
        try (exchange) {
            try {
                byte[] body = readBody(exchange);
                in = body.length;
                if (operation == null || !exchange.getRequestMethod().equals("POST")) {
                    throw new DataApiException(
                            "UnknownOperationException",
                            404,
                            "No Data API operation at " + exchange.getRequestMethod() + " "
                                    + exchange.getRequestURI().getPath());
                }
                String caller = authenticate(exchange, body);
                JsonNode request = parse(body);
                ObjectNode response = operations.handle(operation, request, caller, Cancellation.none());
                answer = JSON.writeValueAsBytes(response);
                if (answer.length > MAX_RESPONSE_BYTES) {
                    throw DataApiException.badRequest("Database returned more than the allowed response size limit");
                }
                status = 200;
                metrics.statements(operation, statementCount(operation, request));
            } catch (DataApiException e) {
                status = e.status();
                error = e.type();
                answer = JSON.writeValueAsBytes(
                        JSON.createObjectNode().put("__type", e.type()).put("message", e.getMessage()));
            } catch (RuntimeException e) {
                status = 500;
                error = "InternalServerErrorException";
                LOG.error("Request {} failed unexpectedly", requestId, e);
                answer = JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("__type", error)
                        .put("message", "Internal error (request " + requestId + ")"));
            }
            metrics.request(
                    operation,
                    error == null ? "ok" : error,
                    java.time.Duration.ofNanos(System.nanoTime() - started),
                    in,
                    status == 200 ? answer.length : 0);
            send(exchange, status, answer, requestId, error);
        }
        LOG.info(
                "{\"requestId\":\"{}\",\"operation\":\"{}\",\"status\":{},\"error\":{},\"durationMs\":{}}",
                requestId,
                operation,
                status,
                error == null ? "null" : "\"" + error + "\"",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code GET /metrics}: Prometheus text format, no authentication (it holds no data). */
    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** {@code GET /health}: up while the server accepts requests. */
    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = JSON.writeValueAsBytes(
                    JSON.createObjectNode().put("status", "UP").put("openTransactions", transactions.count()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String authenticate(HttpExchange exchange, byte[] body) {
        if (!config.authenticationRequired()) return "anonymous";
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        String apiKey = SigV4.first(headers, "x-api-key");
        String authorization = SigV4.first(headers, "authorization");
        if (apiKey == null && authorization != null && authorization.startsWith("Bearer ")) {
            apiKey = authorization.substring("Bearer ".length()).strip();
        }
        if (apiKey != null && acceptedApiKey(apiKey)) return "api-key";
        if (apiKey != null && config.accessKeys().isEmpty()) {
            throw DataApiException.forbidden("UnrecognizedClientException", "The API key is not valid.");
        }
        return sigV4.verify(
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body);
    }

    private boolean acceptedApiKey(String candidate) {
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String key : config.apiKeys()) { // constant time per key
            ok |= MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }

    private static int statementCount(String operation, JsonNode request) {
        if (operation.equals("ExecuteStatement")) return 1;
        if (operation.equals("BatchExecuteStatement"))
            return Math.max(1, request.path("parameterSets").size());
        return 0;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                throw DataApiException.badRequest("The request is larger than the Data API's 4 MiB limit.");
            }
            return body;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) throw DataApiException.badRequest("The body must be a JSON object.");
            return node;
        } catch (IOException e) {
            throw DataApiException.badRequest("The body is not valid JSON.");
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String requestId, String errorType)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (errorType != null) exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** How many transactions are open (for tests, metrics and shutdown). */
    public int openTransactions() {
        return transactions.count();
    }

    /** Stops accepting, lets requests in flight finish (up to 10 s), rolls back open transactions, closes pools. */
    @Override
    public void close() {
        server.stop(10);
        reaper.shutdownNow();
        transactions.close();
        pools.close();
        requests.close();
    }
}
