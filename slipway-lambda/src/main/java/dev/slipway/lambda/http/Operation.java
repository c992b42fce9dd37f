package dev.slipway.lambda.http;

/** The code behind one route. Throw {@link dev.slipway.lambda.exceptions.ApiException} for a client error. */
@FunctionalInterface
public interface Operation {
    HttpResponse handle(HttpRequest request);
}
