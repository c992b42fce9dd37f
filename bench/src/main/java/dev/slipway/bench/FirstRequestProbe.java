package dev.slipway.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs in a JVM of its own on the function zip's class path (see {@link FirstRequestBench}): constructs the
 * handler (Lambda's init, and what a SnapStart snapshot holds), then sends two requests and prints the three times:
 * {@code init=MS first=MS second=MS}. The first request after init is what a function restored from a snapshot
 * answers first.
 */
public final class FirstRequestProbe {

    private FirstRequestProbe() {}

    public static void main(String[] args) throws Exception {
        String handler = args[0];
        String path = args[1];
        String query = args.length > 2 ? args[2] : "";
        long start = System.nanoTime();
        RequestStreamHandler function = (RequestStreamHandler)
                Class.forName(handler).getDeclaredConstructor().newInstance();
        long init = System.nanoTime();
        String first = call(function, path, query);
        long firstDone = System.nanoTime();
        String second = call(function, path, query);
        long secondDone = System.nanoTime();
        if (!first.contains("\"statusCode\":200") || !second.contains("\"statusCode\":200")) {
            throw new IllegalStateException("the request failed: " + first);
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "init=%.1f first=%.1f second=%.1f%n",
                (init - start) / 1e6,
                (firstDone - init) / 1e6,
                (secondDone - firstDone) / 1e6);
    }

    private static String call(RequestStreamHandler function, String path, String query) throws Exception {
        String event =
                "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\""
                        + query
                        + "\",\"headers\":{\"accept\":\"application/json\"},\"requestContext\":{\"requestId\":\"probe\","
                        + "\"http\":{\"method\":\"GET\",\"path\":\"" + path + "\"}},\"isBase64Encoded\":false}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
