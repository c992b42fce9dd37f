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

    Api(BlogApi handler) {
        this.handler = handler;
    }

    Reply call(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, body, "application/json");
    }

    Reply call(String method, String pathAndQuery, String body, String contentType) {
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
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (contentType == null) headers.remove("content-type");
        else headers.put("content-type", contentType);
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        try {
            JsonNode json = response.getBody() == null ? null : JSON.readTree(response.getBody());
            return new Reply(response.getStatusCode(), json, response.getHeaders(), response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("Response is not JSON: " + response.getBody(), e);
        }
    }
}
