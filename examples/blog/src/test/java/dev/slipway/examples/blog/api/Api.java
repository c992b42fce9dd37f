package dev.slipway.examples.blog.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testing.TestLambdaContext;
import java.util.HashMap;
import java.util.Map;

/** Calls the handler the way API Gateway does: a payload 2.0 event built from the recorded fixture. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode json, Map<String, String> headers, String raw) {}

    final BlogApi handler;
    final TestLambdaContext context = new TestLambdaContext(30_000);
    /** The sub of the caller's token as API Gateway's JWT authorizer passes it; null: no token at all. */
    private final String subject;

    Api(BlogApi handler) {
        this(handler, "tester");
    }

    private Api(BlogApi handler, String subject) {
        this.handler = handler;
        this.subject = subject;
    }

    /** The same API, called with a token of {@code subject}. */
    Api as(String subject) {
        return new Api(handler, subject);
    }

    /** The same API, called without a token (as API Gateway would not pass it to an auth=jwt route). */
    Api anonymous() {
        return new Api(handler, null);
    }

    Reply call(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, body, "application/json");
    }

    /**
     * As API Gateway sends a binary body: base64 of the body's bytes followed by an invalid UTF-8 sequence, or,
     * for a null body, text that is not base64 at all.
     */
    Reply callBase64(String method, String pathAndQuery, String body, String contentType) {
        String encoded;
        if (body == null) {
            encoded = "!!not base64!!";
        } else {
            byte[] text = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] bytes = java.util.Arrays.copyOf(text, text.length + 2);
            bytes[text.length] = (byte) 0xC3;
            bytes[text.length + 1] = (byte) 0x28;
            encoded = java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return call(method, pathAndQuery, encoded, contentType, true);
    }

    Reply call(String method, String pathAndQuery, String body, String contentType) {
        return call(method, pathAndQuery, body, contentType, false);
    }

    private Reply call(String method, String pathAndQuery, String body, String contentType, boolean base64) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw-v2-request.json");
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Map<String, String> query = new HashMap<>();
        if (pathAndQuery.contains("?")) {
            for (String pair :
                    pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        event.setRawPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (contentType == null) headers.remove("content-type");
        else headers.put("content-type", contentType);
        event.setHeaders(headers);
        if (subject == null) {
            event.getRequestContext().setAuthorizer(null);
        } else {
            Map<String, String> claims = new HashMap<>(
                    event.getRequestContext().getAuthorizer().getJwt().getClaims());
            claims.put("sub", subject);
            event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        }
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        try {
            JsonNode json = response.getBody() == null ? null : JSON.readTree(response.getBody());
            return new Reply(response.getStatusCode(), json, response.getHeaders(), response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("Response is not JSON: " + response.getBody(), e);
        }
    }
}
