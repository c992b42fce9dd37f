package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One Data API call: the JSON body POSTed to {@code /Execute} and the others, signed with SigV4 for
 * {@code rds-data} by AWS's own signer (or carrying an API key), the answer parsed, an error turned into an
 * {@link SQLException} ({@link DataApiErrors}). HTTP/1.1 with keep-alive, one client per JVM.
 */
final class Transport {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final int ATTEMPTS = 3;

    private final DriverSettings settings;
    private final Credentials credentials;

    Transport(DriverSettings settings) throws SQLException {
        this.settings = settings;
        this.credentials = Credentials.resolve(settings);
    }

    DriverSettings settings() {
        return settings;
    }

    /**
     * POSTs {@code body} to {@code path}. {@code idempotent} calls (outside a transaction: the Data API answers
     * ServiceUnavailableError only when the statement did not run) are retried twice after a short pause.
     */
    JsonNode call(String path, ObjectNode body, boolean idempotent) throws SQLException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new SQLException("The request could not be written as JSON: " + e.getMessage(), "22000", e);
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= (idempotent ? ATTEMPTS : 1); attempt++) {
            try {
                return send(path, bytes);
            } catch (SQLTransientConnectionException e) {
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    private JsonNode send(String path, byte[] body) throws SQLException {
        URI uri = settings.endpoint().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.apiKey() != null) {
            request.header("x-api-key", settings.apiKey());
        } else {
            AwsCredentialsIdentity identity = credentials.identity();
            if (identity != null) sign(request, uri, body, identity);
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            // nothing was sent, so a retry cannot apply the statement twice
            throw new SQLTransientConnectionException(
                    "The Data API at " + settings.endpoint() + " could not be reached (" + e + "). Check the URL"
                            + " and that the Slipway proxy (or Aurora's Data API) is running.",
                    "08001",
                    e);
        } catch (IOException e) {
            throw new java.sql.SQLNonTransientConnectionException(
                    "The call to the Data API at " + settings.endpoint() + " failed after it was sent (" + e
                            + "); the statement may or may not have run.",
                    "08006",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the Data API.", "57014", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200) return answer;
        throw DataApiErrors.toSqlException(
                response.statusCode(),
                errorType(response, answer),
                answer.path("message").asText(""));
    }

    private void sign(HttpRequest.Builder request, URI uri, byte[] body, AwsCredentialsIdentity identity) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .build();
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rds-data")
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region()));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey();
            // the JDK client sets Host and Content-Length itself, to the values that were signed
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")) continue;
            if (name.equalsIgnoreCase("Content-Type")) continue;
            for (String value : header.getValue()) request.header(name, value);
        }
    }

    private static String errorType(HttpResponse<byte[]> response, JsonNode answer) {
        String type = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
        if (type == null)
            type = answer.path("__type").asText(answer.path("code").asText(""));
        int colon = type.indexOf(':');
        if (colon >= 0) type = type.substring(0, colon);
        int hash = type.indexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
    }

    private static JsonNode parse(byte[] body) throws SQLException {
        if (body.length == 0) return JSON.createObjectNode();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SQLException(
                    "The Data API answered with something that is not JSON (" + e.getMessage()
                            + "); is the URL pointing at a Data API server?",
                    "08006",
                    e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
