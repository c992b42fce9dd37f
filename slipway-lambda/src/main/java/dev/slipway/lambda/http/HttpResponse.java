package dev.slipway.lambda.http;

import java.util.Map;

/**
 * What an operation returns: a status, a body serialised as JSON (or none), extra headers.
 *
 * @param status HTTP status
 * @param body object to serialise as JSON, or null for no body
 * @param headers extra headers
 */
public record HttpResponse(int status, Object body, Map<String, String> headers) {

    public static HttpResponse ok(Object body) {
        return new HttpResponse(200, body, Map.of());
    }

    public static HttpResponse created(Object body, String location) {
        return new HttpResponse(201, body, Map.of("Location", location));
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, null, Map.of());
    }
}
