package dev.slipway.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dataapi.internal.Authenticator;
import dev.slipway.dataapi.internal.Cancellation;
import dev.slipway.dataapi.internal.DataApiException;
import dev.slipway.dataapi.internal.Metrics;
import dev.slipway.dataapi.internal.Operations;
import dev.slipway.dataapi.internal.Pools;
import dev.slipway.dataapi.internal.Transactions;
import dev.slipway.dataapi.internal.http.HttpFront;
import dev.slipway.dataapi.internal.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data proxy: an HTTP server speaking the RDS Data API (paths, JSON shapes, error types) over pooled JDBC
 * connections. Requests are admitted on their headers before their bodies are read, served on a virtual thread each
 * (a request blocked on the database holds no platform thread), and every connection goes back to its pool reset.
 */
public final class DataApiServer implements AutoCloseable {

    /** AWS's request limit, 4 MiB including headers (BatchExecuteStatement documentation). */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** AWS's response limit, 1 MiB (Data API limitations). */
    public static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DataApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final DataApiConfig config;
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "data-api-expiry");
        t.setDaemon(true);
        return t;
    });
    private final Pools pools;
    private final Transactions transactions;
    private final Operations operations;
    private final Authenticator authenticator;
    private final Metrics metrics;
    private final HttpFront front;

    /** What {@link #admit} hands to {@link #serve}. */
    private record Admission(String operation, Authenticator.Admitted caller) {}

    private DataApiServer(DataApiConfig config, Clock clock) throws IOException {
        this.config = config;
        int pool = config.maxConnections();
        this.transactions = new Transactions(clock, config.limits().transactionsPerKey(pool));
        this.metrics = new Metrics(transactions::count);
        this.pools =
                new Pools(pool, config.limits().connectionsPerKey(pool), config.borrowTimeout(), metrics.registry());
        this.operations = new Operations(config, pools, transactions);
        this.authenticator = new Authenticator(config, clock);
        reaper.scheduleWithFixedDelay(transactions::expire, 10, 10, TimeUnit.SECONDS);
        reaper.scheduleWithFixedDelay(pools::closeIdle, 60, 60, TimeUnit.SECONDS);
        try {
            this.front = new HttpFront(
                    config.bindAddress(),
                    config.port(),
                    config.tls() == null ? null : Tls.context(config.tls()),
                    config.limits(),
                    new Service(),
                    metrics.registry());
        } catch (IOException | RuntimeException e) {
            reaper.shutdownNow();
            pools.close();
            throw e;
        }
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
        return front.port();
    }

    /** What a client's {@code endpointOverride} is set to. */
    public URI endpoint() {
        return URI.create((config.tls() != null ? "https://" : "http://") + config.bindAddress() + ":" + port());
    }

    /** The HTTP side's view of the server: admission on the headers, then the call. */
    private final class Service implements HttpService {
        @Override
        public Object admit(Head head) {
            if (head.path().equals("/metrics") || head.path().equals("/health")) return head.path();
            String operation = Operations.operationOf(head.path());
            if (operation == null || !head.method().equals("POST")) {
                throw new DataApiException(
                        "UnknownOperationException",
                        404,
                        "No Data API operation at " + head.method() + " " + head.path());
            }
            return new Admission(operation, authenticator.admit(head));
        }

        @Override
        public boolean authenticated(Object admission) {
            return admission instanceof Admission;
        }

        @Override
        public Answer serve(Head head, byte[] body, Object admission, Cancellation cancellation) {
            if (admission.equals("/metrics")) {
                return new Answer(
                        200,
                        "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(StandardCharsets.UTF_8),
                        Map.of());
            }
            if (admission.equals("/health")) {
                return json(
                        200, JSON.createObjectNode().put("status", "UP").put("openTransactions", transactions.count()));
            }
            return call((Admission) admission, body, cancellation);
        }

        @Override
        public Answer refusal(Head head, DataApiException refused) {
            String requestId = UUID.randomUUID().toString();
            String operation = Operations.operationOf(head.path());
            metrics.request(operation, refused.type(), Duration.ZERO, 0, 0);
            LOG.info(
                    "{\"requestId\":\"{}\",\"operation\":\"{}\",\"status\":{},\"error\":\"{}\",\"refused\":\"on its headers\"}",
                    requestId,
                    operation,
                    refused.status(),
                    refused.type());
            return new Answer(refused.status(), JSON_TYPE, errorBody(refused), headers(requestId, refused.type()));
        }
    }

    /**
     * One Data API call. Metrics are recorded before the answer is sent, so that a client that reads
     * {@code /metrics} right after its answer sees its own request counted.
     */
    private HttpService.Answer call(Admission admission, byte[] body, Cancellation cancellation) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String operation = admission.operation();
        int status;
        String error = null;
        byte[] answer;
        try {
            JsonNode request = parse(body);
            JsonNode arn = request.get("resourceArn");
            authenticator.verify(admission.caller(), body, arn != null && arn.isTextual() ? arn.textValue() : null);
            ObjectNode response =
                    operations.handle(operation, request, admission.caller().caller(), cancellation);
            answer = JSON.writeValueAsBytes(response);
            if (answer.length > MAX_RESPONSE_BYTES) {
                throw DataApiException.badRequest("Database returned more than the allowed response size limit");
            }
            status = 200;
            metrics.statements(operation, statementCount(operation, request));
        } catch (DataApiException e) {
            status = e.status();
            error = e.type();
            answer = errorBody(e);
        } catch (IOException | RuntimeException e) {
            status = 500;
            error = "InternalServerErrorException";
            LOG.error("Request {} failed unexpectedly", requestId, e);
            answer = errorBody(new DataApiException(error, 500, "Internal error (request " + requestId + ")"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.request(operation, error == null ? "ok" : error, took, body.length, status == 200 ? answer.length : 0);
        LOG.info(
                "{\"requestId\":\"{}\",\"operation\":\"{}\",\"status\":{},\"error\":{},\"durationMs\":{}}",
                requestId,
                operation,
                status,
                error == null ? "null" : "\"" + error + "\"",
                took.toMillis());
        return new HttpService.Answer(status, JSON_TYPE, answer, headers(requestId, error));
    }

    private static Map<String, String> headers(String requestId, String errorType) {
        return errorType == null
                ? Map.of("x-amzn-RequestId", requestId)
                : Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", errorType);
    }

    private static byte[] errorBody(DataApiException e) {
        try {
            return JSON.writeValueAsBytes(
                    JSON.createObjectNode().put("__type", e.type()).put("message", e.getMessage()));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static HttpService.Answer json(int status, ObjectNode body) {
        try {
            return new HttpService.Answer(status, JSON_TYPE, JSON.writeValueAsBytes(body), Map.of());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static int statementCount(String operation, JsonNode request) {
        if (operation.equals("ExecuteStatement")) return 1;
        if (operation.equals("BatchExecuteStatement"))
            return Math.max(1, request.path("parameterSets").size());
        return 0;
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

    /** How many database pools are open (for tests). */
    public int openPools() {
        return pools.all().size();
    }

    /** How many transactions are open (for tests, metrics and shutdown). */
    public int openTransactions() {
        return transactions.count();
    }

    /** Stops accepting, lets requests in flight finish (up to 10 s), rolls back open transactions, closes pools. */
    @Override
    public void close() {
        front.close(Duration.ofSeconds(10));
        reaper.shutdownNow();
        transactions.close();
        pools.close();
    }
}
