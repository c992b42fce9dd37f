package dev.slipway.lambda.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RoutesFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiHandlerTest {

    @Test
    void handler_refusesToStart_whenRoutesAndOperationsDisagree() {
        List<Route> routes = RoutesFile.parse("routes", "GET /a api list\nPOST /a api create\n");
        Operation ok = r -> HttpResponse.noContent();

        assertThatThrownBy(() -> new HttpApiHandler("api", routes, Map.of("list", ok, "delete", ok)) {})
                .hasMessageContaining("routes name operations it lacks [create]")
                .hasMessageContaining("operations no route reaches [delete]");
    }

    /** An HTTP API (payload 2.0) event as API Gateway sends it, with fields the handler does not use. */
    private static final String EVENT = """
            {"version":"2.0","routeKey":"GET /things/{id}","rawPath":"/things/42","rawQueryString":"x=1",
             "cookies":["a=b"],"headers":{"accept":"application/json","x-forwarded-for":"203.0.113.9"},
             "queryStringParameters":{"x":"1"},"pathParameters":{"id":"42"},
             "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"api.example.com",
               "domainPrefix":"api","http":{"method":"GET","path":"/things/42","protocol":"HTTP/1.1",
               "sourceIp":"203.0.113.9","userAgent":"curl/8"},"requestId":"Ab1Cd2Ef3Gh4=","routeKey":"GET /things/{id}",
               "stage":"$default","time":"01/Dec/2026:10:00:00 +0000","timeEpoch":1796124000000,
               "someFieldAwsAddsLater":{"x":1}},
             "isBase64Encoded":false}
            """;

    @Test
    void theStreamEntryPoint_readsApiGatewaysEvent_andWritesItsResponse_withTheFunctionsOwnJackson() throws Exception {
        List<Route> routes = RoutesFile.parse("routes", "GET /things/{id} api get\n");
        Operation get = r -> HttpResponse.ok(
                Map.of("id", r.pathParameter("id"), "x", r.query().getOrDefault("x", "")));
        HttpApiHandler handler = new HttpApiHandler("api", routes, Map.of("get", get)) {};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        handler.handleRequest(
                new java.io.ByteArrayInputStream(EVENT.getBytes()),
                out,
                new dev.slipway.testing.TestLambdaContext(10_000));

        var response = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
        org.assertj.core.api.Assertions.assertThat(response.get("statusCode").asInt())
                .isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(
                        response.get("isBase64Encoded").asBoolean())
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(
                        response.get("headers").get("Content-Type").asText())
                .contains("application/json");
        org.assertj.core.api.Assertions.assertThat(response.get("body").asText())
                .contains("\"id\":\"42\"")
                .contains("\"x\":\"1\"");
        org.assertj.core.api.Assertions.assertThat(response.has("multiValueHeaders"))
                .isFalse();
    }
}
