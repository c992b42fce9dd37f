package dev.slipway.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs in a JVM of its own on a function zip's class path (see {@link WarmRequestBench}): constructs the handler,
 * then sends {@code warmup} and then {@code requests} sequential requests, in-process (no HTTP), as API Gateway's
 * payload 2.0 events with the route key set (what a deployed function receives), and prints the measured ones'
 * latency: {@code p50=MS p99=MS mean=MS}. One container, one connection, as on Lambda.
 */
public final class WarmRequestProbe {

    private WarmRequestProbe() {}

    public static void main(String[] args) throws Exception {
        String handler = args[0];
        String path = args[1];
        String routeKey = args[2];
        int warmup = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        RequestStreamHandler function = (RequestStreamHandler)
                Class.forName(handler).getDeclaredConstructor().newInstance();
        byte[] event = ("{\"version\":\"2.0\",\"routeKey\":\"" + routeKey + "\",\"rawPath\":\"" + path
                        + "\",\"rawQueryString\":\"\",\"headers\":{\"accept\":\"application/json\"},"
                        + "\"requestContext\":{\"requestId\":\"warm\",\"http\":{\"method\":\"GET\",\"path\":\"" + path
                        + "\"}},\"isBase64Encoded\":false}")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < warmup; i++) call(function, event);
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            call(function, event);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(
                java.util.Locale.ROOT,
                "p50=%.4f p99=%.4f mean=%.4f%n",
                nanos[requests / 2] / 1e6,
                nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6,
                mean);
    }

    private static void call(RequestStreamHandler function, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event), out, null);
        String answer = out.toString(StandardCharsets.UTF_8);
        if (!answer.contains("\"statusCode\":200")) throw new IllegalStateException("the request failed: " + answer);
    }
}
