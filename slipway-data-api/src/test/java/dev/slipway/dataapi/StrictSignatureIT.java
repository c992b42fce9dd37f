package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Signatures are held to what AWS requires of {@code rds-data}: requests signed by AWS's own signer with another
 * service, another region than the resource ARN's, an unsigned payload, or {@code host} left out of the signed
 * headers are refused with AWS's error types. Without keys, the proxy refuses what a web page could send.
 */
class StrictSignatureIT {

    static final String KEY_ID = "AKIDSTRICT";
    static final String KEY_SECRET = "strict/secret+key";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> signedCall(
            URI endpoint,
            String body,
            String service,
            String region,
            boolean payloadSigned,
            UnaryOperator<Map<String, List<String>>> tamper)
            throws Exception {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + "/Execute"))
                .putHeader("Content-Type", "application/json")
                .build();
        var signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsBasicCredentials.create(KEY_ID, KEY_SECRET))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigned));
        Map<String, List<String>> headers =
                tamper.apply(new java.util.HashMap<>(signed.request().headers()));
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(endpoint + "/Execute"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return http.send(out.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String select() {
        return ProxyCalls.body().put("sql", "select 1").toString();
    }

    @Test
    void onlyARdsDataSignatureForTheArnsRegionOverTheWholeBody_isAccepted() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of(KEY_ID, KEY_SECRET), Set.of()))) {
            URI endpoint = proxy.endpoint();
            UnaryOperator<Map<String, List<String>>> asSigned = h -> h;

            assertThat(signedCall(endpoint, select(), "rds-data", "us-east-1", true, asSigned)
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> s3 = signedCall(endpoint, select(), "s3", "us-east-1", true, asSigned);
            assertThat(s3.statusCode()).isEqualTo(403);
            assertThat(s3.body()).contains("InvalidSignatureException", "correct service: 'rds-data'");

            HttpResponse<String> otherRegion = signedCall(endpoint, select(), "rds-data", "eu-west-1", true, asSigned);
            assertThat(otherRegion.statusCode()).isEqualTo(403);
            assertThat(otherRegion.body()).contains("valid region");

            HttpResponse<String> unsigned = signedCall(endpoint, select(), "rds-data", "us-east-1", false, h -> {
                h.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));
                return h;
            });
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.body()).contains("UNSIGNED-PAYLOAD");

            HttpResponse<String> hostUnsigned = signedCall(endpoint, select(), "rds-data", "us-east-1", true, h -> {
                String auth = h.get("Authorization")
                        .get(0)
                        .replace("SignedHeaders=content-type;host;", "SignedHeaders=content-type;");
                h.put("Authorization", List.of(auth));
                return h;
            });
            assertThat(hostUnsigned.statusCode()).isEqualTo(403);
            assertThat(hostUnsigned.body()).contains("host must be signed");
        }
    }

    @Test
    void aSignedBody_cannotBeChangedUnderItsSignature() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of(KEY_ID, KEY_SECRET), Set.of()))) {
            SdkHttpRequest request = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.POST)
                    .uri(URI.create(proxy.endpoint() + "/Execute"))
                    .build();
            var signed = AwsV4HttpSigner.create()
                    .sign(r -> r.identity(AwsBasicCredentials.create(KEY_ID, KEY_SECRET))
                            .request(request)
                            .payload(ContentStreamProvider.fromUtf8String(select()))
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rds-data")
                            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
            HttpRequest.Builder changed = HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/Execute"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            ProxyCalls.body().put("sql", "select 2").toString()));
            signed.request().headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) values.forEach(v -> changed.header(name, v));
            });
            HttpResponse<String> answer = http.send(changed.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("InvalidSignatureException");
        }
    }

    @Test
    void withoutKeys_requestsAWebPageCouldSend_areRefused_andLocalProgramsAreServed() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0))) {
            String body = select();
            try (RawHttp page = new RawHttp(proxy.port())) {
                page.send("POST /Execute HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port()
                        + "\r\nOrigin: https://evil.example\r\n" + "Content-Type: text/plain\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body);
                assertThat(page.readUntilClosed()).startsWith("HTTP/1.1 403").contains("Origin");
            }
            try (RawHttp rebound = new RawHttp(proxy.port())) {
                rebound.send(RawHttp.post("/Execute", "evil.example:" + proxy.port(), "", body.length()) + body);
                assertThat(rebound.readUntilClosed()).startsWith("HTTP/1.1 403").contains("not a loopback name");
            }
            for (String host : List.of("localhost:" + proxy.port(), "127.0.0.1:" + proxy.port(), "[::1]")) {
                try (RawHttp local = new RawHttp(proxy.port())) {
                    local.send(RawHttp.post("/Execute", host, "Connection: close\r\n", body.length()) + body);
                    assertThat(local.readUntilClosed()).as(host).startsWith("HTTP/1.1 200");
                }
            }
        }
    }
}
