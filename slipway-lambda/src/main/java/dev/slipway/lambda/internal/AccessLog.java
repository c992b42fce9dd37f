package dev.slipway.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per request (and one per failure) on the Lambda log, with the request id. Written by hand on
 * {@code LambdaLogger} rather than with a logging backend: a library must not pick the user's backend, and
 * this keeps the handler small. Never logs bodies, headers or the messages of other code's exceptions (they may
 * hold personal data or SQL); failures carry the exception type and SQL state, and a Slipway error its kind and
 * its own message, which names the fix and holds no secret.
 */
public final class AccessLog {

    private final Context context;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public AccessLog(Context context, String requestId, String method, String path) {
        this.context = context;
        fields.put("requestId", requestId);
        fields.put("method", method);
        fields.put("path", path);
    }

    public void route(String routeKey) {
        fields.put("route", routeKey);
    }

    public void failure(Throwable e, int status) {
        Map<String, Object> line = new LinkedHashMap<>(fields);
        line.put("level", status >= 500 ? "ERROR" : "WARN");
        line.put("message", "request failed");
        line.put("exception", e.getClass().getName());
        var slipway = ErrorMapping.slipwayCause(e);
        if (slipway != null) { // Slipway's own message: written for the operator, names the fix, holds no secret
            line.put("kind", slipway.kind().name());
            line.put("error", slipway.getMessage());
        }
        String state = ErrorMapping.sqlState(e);
        if (state != null) line.put("sqlState", state);
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) line.put("at", trace[0].toString());
        write(line);
    }

    public void done(int status, long millis) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("message", "request");
        line.putAll(fields);
        line.put("status", status);
        line.put("durationMs", millis);
        write(line);
    }

    private void write(Map<String, Object> line) {
        line.put("timestamp", Instant.now().toString());
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json = "{\"level\":\"ERROR\",\"message\":\"unloggable line\"}";
        }
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(json + "\n");
        } else {
            System.out.println(json);
        }
    }
}
