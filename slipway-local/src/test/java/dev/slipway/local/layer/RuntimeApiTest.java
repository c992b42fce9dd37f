package dev.slipway.local.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The local Runtime API, driven over real HTTP by a client that does what a Lambda runtime client does. */
class RuntimeApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(RuntimeApi api, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime" + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(RuntimeApi api, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime" + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anInvocation_isHandedToTheNextPoll_withLambdasHeaders_andItsResponseComesBack() throws Exception {
        try (RuntimeApi api = new RuntimeApi("api")) {
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> invoke(api, "{\"n\":1}"));

            HttpResponse<String> next = get(api, "/invocation/next");
            String id =
                    next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(next.body()).isEqualTo("{\"n\":1}");
            assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                    .hasValue("arn:aws:lambda:local:000000000000:function:api");
            assertThat(Long.parseLong(next.headers()
                            .firstValue("Lambda-Runtime-Deadline-Ms")
                            .orElseThrow()))
                    .isGreaterThan(System.currentTimeMillis());
            assertThat(post(api, "/invocation/" + id + "/response", "{\"ok\":true}")
                            .statusCode())
                    .isEqualTo(202);

            assertThat(outcome.get()).isEqualTo(new Outcome("{\"ok\":true}", null));
        }
    }

    @Test
    void aFunctionError_andAnInitError_comeBackAsFailedOutcomes_andUnknownIdsAreRefused() throws Exception {
        try (RuntimeApi api = new RuntimeApi("api")) {
            CompletableFuture<Outcome> failing = CompletableFuture.supplyAsync(() -> invoke(api, "{}"));
            String id = get(api, "/invocation/next")
                    .headers()
                    .firstValue("Lambda-Runtime-Aws-Request-Id")
                    .orElseThrow();
            assertThat(post(api, "/invocation/not-" + id + "/response", "{}").statusCode())
                    .isEqualTo(400);
            post(api, "/invocation/" + id + "/error", "{\"errorMessage\":\"boom\"}");
            assertThat(failing.get().failed()).isTrue();
            assertThat(failing.get().error()).contains("boom");
        }
        try (RuntimeApi api = new RuntimeApi("api")) {
            post(api, "/init/error", "{\"errorMessage\":\"no handler\"}");
            assertThat(invoke(api, "{}").error()).contains("no handler");
        }
    }

    private static Outcome invoke(RuntimeApi api, String event) {
        try {
            return api.invoke(event, Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
