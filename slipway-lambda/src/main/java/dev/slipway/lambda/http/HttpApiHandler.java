package dev.slipway.lambda.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.core.routes.Route;
import dev.slipway.lambda.exceptions.ApiException;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import dev.slipway.lambda.internal.AccessLog;
import dev.slipway.lambda.internal.ErrorMapping;
import dev.slipway.lambda.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The base of a function behind an API Gateway HTTP API (payload 2.0): routes requests by the routes file to
 * {@link Operation}s, turns errors into JSON ({@code {"error","message"}}, never SQL or stack traces) with the
 * right status, and writes one JSON access-log line per request with the request id.
 *
 * <p>Every route of the routes file that names this function must have an operation, and every operation a
 * route: checked at init, so a typo fails the deployment rather than a request.
 *
 * <p>Lambda calls the stream entry point: the event is read, and the response written, with the function's own
 * Jackson. The runtime's own serializer (a second, shaded Jackson) is then never loaded: about 640 classes of the
 * cold start (docs/benchmarks.md). Given {@code Class::handleRequest}, Lambda's Java runtime picks the overload
 * with the longest signature, {@code (InputStream, OutputStream, Context)} (the runtime interface client's
 * {@code EventHandlerLoader}); given only the class, it uses {@code RequestStreamHandler}.
 */
public abstract class HttpApiHandler implements RequestStreamHandler {

    /** API Gateway's event and response JSON: unknown fields allowed (AWS adds some), nulls left out. */
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENTS =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final String functionName;
    private final List<Route> routes;
    private final Map<String, Operation> operations;
    /** This function's routes by API Gateway's route key ({@code GET /authors/{id}}). */
    private final Map<String, Route> byRouteKey = new HashMap<>();
    /** Held so that CRaC, which keeps its resources weakly, keeps the hooks. */
    private final dev.slipway.lambda.snapstart.SnapStartHooks snapStart;

    /**
     * A function of the routes file on the class path ({@code routes}, at the zip's root), on {@code database}: what
     * a handler's constructor needs and nothing else. It registers the SnapStart hooks (the connection closed
     * before a snapshot, the secret read again after a restore), primes jOOQ for the database's dialect, and sends
     * every route one request on no database ({@link #primeRoutes}), so that a snapshot holds the request path warm.
     *
     * <pre>
     * public BlogApi(LambdaDatabase database) {
     *     super("api", database, new BlogOperations(database).all());
     * }
     * </pre>
     */
    protected HttpApiHandler(
            String functionName, dev.slipway.lambda.db.LambdaDatabase database, Map<String, Operation> operations) {
        this(
                functionName,
                dev.slipway.core.routes.RoutesFile.fromClasspath("routes"),
                operations,
                dev.slipway.lambda.snapstart.SnapStartHooks.register(database));
        dev.slipway.lambda.snapstart.Priming.prime(database.dialect());
        primeRoutes(database);
    }

    /** Routes and operations alone: no SnapStart hooks and no priming (tests, or a handler that does its own). */
    protected HttpApiHandler(String functionName, List<Route> routes, Map<String, Operation> operations) {
        this(functionName, routes, operations, null);
    }

    private HttpApiHandler(
            String functionName,
            List<Route> routes,
            Map<String, Operation> operations,
            dev.slipway.lambda.snapstart.SnapStartHooks snapStart) {
        this.functionName = functionName;
        this.routes = routes;
        this.operations = Map.copyOf(operations);
        this.snapStart = snapStart;
        requireRoutesMatchOperations();
        for (Route route : routes) {
            if (route.function().equals(functionName)) byRouteKey.putIfAbsent(route.routeKey(), route);
        }
    }

    /**
     * Sends one request to every route of this function at init, as a SnapStart function should before its
     * snapshot, so that the first real request finds routing, JSON binding (both Jacksons: the event's and the
     * operation's), validation, jOOQ and the access log already loaded and run: path parameters are {@code 1},
     * bodies {@code {}} (a validation error is a fine result), and the database is {@code database} while priming
     * (no rows, no connection; see {@link dev.slipway.lambda.db.LambdaDatabase#whilePriming}). Answers are
     * discarded, and so are the access-log lines (written, to prime that path too, to a logger that drops them).
     * {@code SLIPWAY_PRIMING=off} skips it.
     *
     * @return how many routes were primed
     */
    protected int primeRoutes(dev.slipway.lambda.db.LambdaDatabase database) {
        if ("off".equalsIgnoreCase(System.getenv(dev.slipway.core.Setting.PRIMING.env()))) return 0;
        int primed = 0;
        for (Route route : routes) {
            if (!route.function().equals(functionName)) continue;
            APIGatewayV2HTTPEvent event = PrimingRequests.of(route);
            try {
                String json = EVENTS.writeValueAsString(event);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                database.whilePriming(() -> {
                    try {
                        handleRequest(
                                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                                out,
                                PrimingRequests.CONTEXT);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return null;
                });
                primed++;
            } catch (RuntimeException | java.io.IOException e) {
                // priming is an optimisation: a route that cannot be primed is served all the same
            }
        }
        return primed;
    }

    /** Lambda's entry point: the API Gateway HTTP API event (payload 2.0) in, its response out. */
    @Override
    public void handleRequest(java.io.InputStream input, java.io.OutputStream output, Context context)
            throws java.io.IOException {
        APIGatewayV2HTTPEvent event = EVENTS.readValue(input, APIGatewayV2HTTPEvent.class);
        EVENTS.writeValue(output, handleRequest(event, context));
    }

    /** One request as an event object (what the stream entry point and tests call). */
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        String requestId = requestId(event, context);
        String method = method(event);
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        AccessLog log = new AccessLog(context, requestId, method, path);
        APIGatewayV2HTTPResponse response;
        try {
            response = toResponse(dispatch(event, method, path, requestId, log));
        } catch (ApiException e) {
            response = error(e.status(), e.code(), e.getMessage(), e.details(), Map.of());
        } catch (MethodNotAllowed e) {
            response = error(
                    405,
                    "method_not_allowed",
                    "Use " + String.join(", ", e.allowed) + " on " + path + ".",
                    List.of(),
                    Map.of("Allow", String.join(", ", e.allowed)));
        } catch (RuntimeException e) {
            ErrorMapping.Mapped mapped = ErrorMapping.map(e, requestId);
            log.failure(e, mapped.status());
            response = error(mapped.status(), mapped.code(), mapped.message(), List.of(), Map.of());
        }
        log.done(response.getStatusCode(), (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    /**
     * The route of a request: the one API Gateway (or {@code slipway up}) already chose, by the event's route key,
     * when it is this function's and fits the method and path; else the routes file's first route that matches the
     * path ({@code $default}, a function URL, a test event without a key).
     */
    private HttpResponse dispatch(
            APIGatewayV2HTTPEvent event, String method, String path, String requestId, AccessLog log) {
        Route keyed = event.getRouteKey() == null ? null : byRouteKey.get(event.getRouteKey());
        if (keyed != null && keyed.method().equals(method)) {
            Optional<Map<String, String>> parameters = keyed.match(path);
            if (parameters.isPresent()) return serve(keyed, parameters.get(), event, method, path, requestId, log);
        }
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(path);
            if (parameters.isEmpty()) continue;
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            if (!route.function().equals(functionName) || !operations.containsKey(route.operation())) {
                throw ApiException.notFound("No route " + method + " " + path + " in this function.");
            }
            return serve(route, parameters.get(), event, method, path, requestId, log);
        }
        if (!allowed.isEmpty()) throw new MethodNotAllowed(List.copyOf(allowed));
        throw ApiException.notFound("No route " + method + " " + path + ".");
    }

    private HttpResponse serve(
            Route route,
            Map<String, String> parameters,
            APIGatewayV2HTTPEvent event,
            String method,
            String path,
            String requestId,
            AccessLog log) {
        log.route(route.routeKey());
        Caller caller = Callers.admitted(route, event);
        return operations
                .get(route.operation())
                .handle(new HttpRequest(
                        method, path, parameters, query(event), headers(event), body(event), requestId, caller));
    }

    private void requireRoutesMatchOperations() {
        TreeSet<String> routed = new TreeSet<>();
        routes.stream().filter(r -> r.function().equals(functionName)).forEach(r -> routed.add(r.operation()));
        TreeSet<String> missing = new TreeSet<>(routed);
        missing.removeAll(operations.keySet());
        TreeSet<String> unrouted = new TreeSet<>(operations.keySet());
        unrouted.removeAll(routed);
        if (!missing.isEmpty() || !unrouted.isEmpty()) {
            throw new SlipwayLambdaException("Function '" + functionName + "' and the routes file disagree:"
                    + (missing.isEmpty() ? "" : " routes name operations it lacks " + missing + ";")
                    + (unrouted.isEmpty() ? "" : " it has operations no route reaches " + unrouted + ";")
                    + " fix the routes file or the operations map.");
        }
    }

    private static APIGatewayV2HTTPResponse toResponse(HttpResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        String body = null;
        if (response.body() != null) {
            headers.put("Content-Type", "application/json");
            try {
                body = Json.MAPPER.writeValueAsString(response.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialise the response body", e);
            }
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .build();
    }

    private static APIGatewayV2HTTPResponse error(
            int status, String code, String message, List<String> details, Map<String, String> extraHeaders) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!details.isEmpty()) body.put("details", details);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        return toResponse(new HttpResponse(status, body, headers));
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String method =
                context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context == null ? "-" : context.getAwsRequestId();
    }

    private static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    private static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        return headers;
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null || !event.getIsBase64Encoded()) return event.getBody();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(event.getBody());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The body is marked as base64 but is not valid base64.");
        }
        try {
            // strict: a lenient decode would replace bad bytes with U+FFFD and store something else than was sent
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("The body is not valid UTF-8 text; send JSON encoded as UTF-8.");
        }
    }

    /** Signals a path that exists with other methods. */
    private static final class MethodNotAllowed extends RuntimeException {
        private final List<String> allowed;

        MethodNotAllowed(List<String> allowed) {
            super(null, null, false, false);
            this.allowed = new ArrayList<>(allowed);
        }
    }
}
