package dev.slipway.lambda.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.slipway.lambda.exceptions.ApiException;
import dev.slipway.lambda.internal.Json;
import java.util.Map;

/**
 * An HTTP request as an operation sees it: parameters already extracted, headers with lower-case names.
 *
 * @param method upper-case method
 * @param path the raw path
 * @param pathParameters values of the route template's {@code {parameters}}
 * @param query query string parameters (the last value where one repeats)
 * @param headers headers, names in lower case
 * @param body the body as text, or null
 * @param requestId the API Gateway request id, for logs
 * @param caller who made the request, when the route requires a caller (null for an open route without one)
 */
public record HttpRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        String requestId,
        Caller caller) {

    /** The caller; 401 when the request has none (declare the route {@code auth=jwt} or {@code auth=iam}). */
    public Caller requireCaller() {
        if (caller == null) {
            throw ApiException.unauthorized("This request needs a caller: send a bearer token"
                    + " ('Authorization: Bearer <jwt>') or sign it with AWS credentials, as the route requires.");
        }
        if (caller.subject().isBlank()) {
            // two such tokens would be the same caller: an owner check would let one act for the other
            throw ApiException.unauthorized(
                    "The token names no subject (sub or client_id); use a token that says" + " who the caller is.");
        }
        return caller;
    }

    /** The caller, who must hold {@code scope}: 401 without a caller, 403 without the scope. */
    public Caller requireScope(String scope) {
        Caller known = requireCaller();
        if (!known.hasScope(scope)) {
            throw ApiException.forbidden(
                    "This needs the scope '" + scope + "', which the caller's token does not" + " hold.");
        }
        return known;
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) throw new IllegalStateException("The route has no {" + name + "} parameter");
        return value;
    }

    /** A path parameter that must be a positive whole number, else 404 (no such resource can exist). */
    public long idParameter(String name) {
        try {
            long id = Long.parseLong(pathParameter(name));
            if (id > 0) return id;
        } catch (NumberFormatException ignored) { // falls through to the 404
        }
        throw ApiException.notFound(
                "No " + name.replace("Id", "").replace("id", "resource") + " with id '" + pathParameter(name) + "'.");
    }

    /** A whole-number query parameter within [min, max], or {@code fallback} when absent; else 400. */
    public int queryInt(String name, int fallback, int min, int max) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) return fallback;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) return parsed;
        } catch (NumberFormatException ignored) { // falls through to the 400
        }
        throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number from " + min + " to " + max
                + ", not '" + value + "'.");
    }

    /** The {@code ?cursor=} of a {@link Page} request: the key (a positive whole number) to continue after, if any. */
    public java.util.Optional<Long> cursor() {
        String value = query.get("cursor");
        if (value == null || value.isEmpty()) return java.util.Optional.empty();
        try {
            long key = Long.parseLong(value);
            if (key > 0) return java.util.Optional.of(key);
        } catch (NumberFormatException ignored) { // falls through to the 400
        }
        throw ApiException.badRequest(
                "Query parameter 'cursor' must be the nextCursor of an earlier page, not '" + value + "'.");
    }

    /** An optional boolean query parameter ({@code true}/{@code false}); else 400. */
    public Boolean queryBoolean(String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) return null;
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return Boolean.valueOf(value);
        throw ApiException.badRequest("Query parameter '" + name + "' must be true or false, not '" + value + "'.");
    }

    /**
     * The JSON body bound to {@code type}: 415 unless the content type is JSON, 400 when it is not valid JSON, has
     * an unknown field, or a string with NUL or a lone surrogate (PostgreSQL refuses NUL in text, MySQL keeps it,
     * and neither stores half a surrogate pair), 422 when the type's {@link Validated#validate()} finds problems.
     */
    public <T> T body(Class<T> type) {
        String contentType = headers.getOrDefault("content-type", "");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "Send the body as JSON with 'Content-Type:" + " application/json'"
                            + (contentType.isEmpty() ? "." : ", not '" + contentType + "'."));
        }
        if (body == null || body.isBlank()) throw ApiException.badRequest("The request needs a JSON body.");
        T value;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(body);
            String unstorable = Json.unstorableText(tree);
            if (unstorable != null) {
                throw ApiException.badRequest("Field '" + unstorable + "' holds a NUL character (U+0000) or half of a"
                        + " surrogate pair, which a text column cannot store the same way on every engine; remove it.");
            }
            value = Json.MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(
                    "Unknown field '" + e.getPropertyName() + "'. Known fields: " + e.getKnownPropertyIds() + ".");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON for this request: "
                    + e.getOriginalMessage().replaceAll("\\(class [^)]*\\)", "").strip());
        }
        if (value == null) throw ApiException.badRequest("The request needs a JSON object as body.");
        if (value instanceof Validated validated) {
            var problems = validated.validate();
            if (!problems.isEmpty()) throw ApiException.validation(problems);
        }
        return value;
    }
}
