package dev.slipway.local.layer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) for one simulated container, on 127.0.0.1: the runtime client in the child
 * JVM long-polls {@code /invocation/next} and posts a response or an error, exactly as it does on AWS. Written by
 * hand: it is four endpoints, and AWS's emulator ships only inside a container image.
 */
public final class RuntimeApi implements AutoCloseable {

    private record Invocation(String id, String event, long deadlineMillis, CompletableFuture<Outcome> outcome) {}

    private static final String BASE = "/2018-06-01/runtime";

    private final HttpServer server;
    private final LinkedBlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final String functionName;
    private final String functionArn;

    public RuntimeApi(String functionName) throws IOException {
        this.functionName = functionName;
        this.functionArn = "arn:aws:lambda:local:000000000000:function:" + functionName;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + functionName);
            t.setDaemon(true);
            return t;
        }));
        server.createContext(BASE + "/", this::route);
        server.start();
    }

    /** host:port, as {@code AWS_LAMBDA_RUNTIME_API} gives it to the runtime. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The variables Lambda sets for a function's runtime process, pointing it at this Runtime API: its address, the
     * function's name, version and memory, {@code LAMBDA_TASK_ROOT} and {@code _HANDLER}.
     */
    public Map<String, String> runtimeEnvironment(Path taskRoot, String handler) {
        return Map.of(
                "AWS_LAMBDA_RUNTIME_API",
                address(),
                "AWS_LAMBDA_FUNCTION_NAME",
                functionName,
                "AWS_LAMBDA_FUNCTION_VERSION",
                "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                "512",
                "LAMBDA_TASK_ROOT",
                taskRoot.toAbsolutePath().toString(),
                "_HANDLER",
                handler);
    }

    /** Queues an event and waits for the function's answer (or its init failure) up to {@code timeout}. */
    public Outcome invoke(String event, Duration timeout) throws Exception {
        return invoke(event, timeout, new CompletableFuture<>());
    }

    /**
     * As {@link #invoke(String, Duration)}, answering at once with Lambda's {@code Runtime.ExitError} when
     * {@code exited} completes first (the runtime's process ended: it will never answer).
     */
    public Outcome invoke(String event, Duration timeout, CompletableFuture<Process> exited) throws Exception {
        Invocation invocation = new Invocation(
                UUID.randomUUID().toString(),
                event,
                System.currentTimeMillis() + timeout.toMillis(),
                new CompletableFuture<>());
        inFlight.put(invocation.id(), invocation);
        queue.put(invocation);
        CompletableFuture<Object> first = CompletableFuture.anyOf(invocation.outcome(), initError, exited);
        Object result = first.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        if (result instanceof String initFailure) return new Outcome(null, initFailure);
        if (result instanceof Process ended) {
            inFlight.remove(invocation.id());
            return new Outcome(
                    null,
                    "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + invocation.id()
                            + " Error: Runtime exited with error: exit status " + ended.exitValue() + "\"}");
        }
        return (Outcome) result;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.equals("/invocation/next")) {
                Invocation next = queue.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.id());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Trace-Id", "Root=1-" + next.id().substring(0, 8));
                send(exchange, 200, next.event());
            } else if (path.equals("/init/error")) {
                initError.complete(body);
                send(exchange, 202, "{}");
            } else if (path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                Invocation invocation = inFlight.remove(parts[2]);
                if (invocation == null) {
                    send(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                invocation
                        .outcome()
                        .complete(parts[3].equals("response") ? new Outcome(body, null) : new Outcome(null, body));
                send(exchange, 202, "{}");
            } else {
                send(exchange, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // as Lambda's Runtime API sends it; AWS's runtime interface client crashes (SIGSEGV) on a response without
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
