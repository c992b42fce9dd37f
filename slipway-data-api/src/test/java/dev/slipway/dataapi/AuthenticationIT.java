package dev.slipway.dataapi;

import static dev.slipway.dataapi.RdsDataClientIT.CLUSTER;
import static dev.slipway.dataapi.RdsDataClientIT.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** SigV4 as the AWS SDK signs it, and API keys, checked by the proxy; no key gets AWS's 403 error types. */
class AuthenticationIT {

    private static String select(RdsDataClient rds) {
        return rds.executeStatement(
                        r -> r.resourceArn(CLUSTER).secretArn(SECRET).sql("select 1"))
                .records()
                .get(0)
                .get(0)
                .longValue()
                .toString();
    }

    @Test
    void sdkSignatures_areVerified_withTheConfiguredSecret_andAnyOtherSecretOrKeyIsRefused() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of("AKIDSLIPWAYTEST", "s3cr3t/key+value"), Set.of()))) {
            try (RdsDataClient rds = RdsDataClientIT.client(proxy.endpoint(), "AKIDSLIPWAYTEST", "s3cr3t/key+value")) {
                assertThat(select(rds)).isEqualTo("1");
            }
            try (RdsDataClient rds = RdsDataClientIT.client(proxy.endpoint(), "AKIDSLIPWAYTEST", "wrong")) {
                assertThatThrownBy(() -> select(rds))
                        .isInstanceOf(AwsServiceException.class)
                        .satisfies(e -> {
                            AwsServiceException aws = (AwsServiceException) e;
                            assertThat(aws.statusCode()).isEqualTo(403);
                            assertThat(aws.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        });
            }
            try (RdsDataClient rds = RdsDataClientIT.client(proxy.endpoint(), "AKIDUNKNOWN", "s3cr3t/key+value")) {
                assertThatThrownBy(() -> select(rds))
                        .satisfies(e -> assertThat(((AwsServiceException) e)
                                        .awsErrorDetails()
                                        .errorCode())
                                .isEqualTo("UnrecognizedClientException"));
            }
        }
    }

    @Test
    void apiKeys_areAcceptedInTheHeaderOrAsBearer_andNoCredentialsGetMissingAuthenticationToken() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(
                        DataApiConfig.development(db.url(), db.user(), "", 0).withKeys(Map.of(), Set.of("key-123")))) {
            try (RdsDataClient rds = RdsDataClient.builder()
                    .endpointOverride(proxy.endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.putHeader("x-api-key", "key-123"))
                    .build()) {
                assertThat(select(rds)).isEqualTo("1");
            }
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"resourceArn\":\"" + CLUSTER + "\",\"secretArn\":\"" + SECRET + "\",\"sql\":\"select 1\"}";
            HttpResponse<String> bearer = http.send(
                    HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/Execute"))
                            .header("Authorization", "Bearer key-123")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(200);
            assertThat(bearer.body()).contains("\"longValue\":1");

            HttpResponse<String> none = http.send(
                    HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/Execute"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(403);
            assertThat(none.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
            HttpResponse<String> wrong = http.send(
                    HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/Execute"))
                            .header("x-api-key", "key-124")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.body()).doesNotContain("key-123");
        }
    }

    @Test
    void aWrongApiKey_isSaidToBeWrong_alsoWhereAccessKeysAreAccepted() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of("AKIDSLIPWAYTEST", "s3cr3t"), Set.of("key-123")))) {
            ProxyCalls.Answer wrong = new ProxyCalls(proxy.endpoint(), "key-124").execute("select 1");

            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.errorType()).isEqualTo("UnrecognizedClientException");
            assertThat(wrong.message()).contains("API key is not valid").doesNotContain("key-12");
        }
    }
}
