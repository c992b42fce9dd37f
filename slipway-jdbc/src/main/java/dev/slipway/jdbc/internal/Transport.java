package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One Data API call: the JSON body POSTed to {@code /Execute} and the others, signed with SigV4 for
 * {@code rds-data} by AWS's own signer (or carrying an API key), the answer parsed, an error turned into an
 * {@link SQLException} ({@link DataApiErrors}). {@link HttpURLConnection}, which keeps connections alive and,
 * unlike {@code java.net.http.HttpClient}, builds no TLS context for plain http: about 400 classes fewer at a
 * cold start (measured with {@code -Xlog:class+load}).
 */
final class Transport {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private final DriverSettings settings;
    private final Credentials credentials;

    Transport(DriverSettings settings) throws SQLException {
        this(settings, Credentials.resolve(settings));
    }

    Transport(DriverSettings settings, Credentials credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    DriverSettings settings() {
        return settings;
    }

    /**
     * POSTs {@code body} to {@code path}. {@code idempotent} calls (outside a transaction: the Data API answers
     * ServiceUnavailableError only when the statement did not run) are retried twice after a short pause.
     */
    JsonNode call(String path, ObjectNode body, boolean idempotent) throws SQLException {
        return call(path, body, idempotent, settings.requestTimeout());
    }

    /** As {@link #call(String, ObjectNode, boolean)}, waiting at most {@code timeout} for the answer. */
    JsonNode call(String path, ObjectNode body, boolean idempotent, java.time.Duration timeout) throws SQLException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new SQLException("The request could not be written as JSON: " + e.getMessage(), "22000", e);
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= (idempotent ? ATTEMPTS : 1); attempt++) {
            try {
                return send(path, bytes, timeout);
            } catch (SQLTransientConnectionException e) {
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    private JsonNode send(String path, byte[] body, java.time.Duration wait) throws SQLException {
        URI uri = settings.endpoint().resolve(path);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (settings.apiKey() != null) {
            headers.put("x-api-key", settings.apiKey());
        } else {
            AwsCredentialsIdentity identity = credentials.identity();
            if (identity != null) {
                headers = dev.slipway.aws.SigV4Signer.sign(uri, headers, body, identity, settings.region(), "rds-data");
            }
        }
        int status;
        byte[] answer;
        String errorHeader;
        boolean sent = false;
        try {
            HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
            int timeout = (int) wait.toMillis();
            http.setConnectTimeout(Math.min(timeout, 10_000));
            http.setReadTimeout(timeout);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            // no streaming mode: the body is buffered and goes out with the headers in one write; streamed, it
            // went in a second packet that waited for the server's delayed ACK (1.5 ms a call, measured)
            headers.forEach(http::setRequestProperty);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            sent = true;
            status = http.getResponseCode();
            errorHeader = http.getHeaderField("x-amzn-ErrorType");
            try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes(); // read whole: the connection is reused
            }
        } catch (java.net.SocketTimeoutException e) {
            if (!sent) throw unreachable(e);
            throw new java.sql.SQLTimeoutException(
                    "The Data API did not answer within "
                            + settings.requestTimeout().toSeconds()
                            + " s (requestTimeoutSeconds); the statement may still"
                            + " be running.",
                    "57014",
                    e);
        } catch (java.net.ConnectException e) {
            throw unreachable(e);
        } catch (IOException e) {
            if (!sent) throw unreachable(e);
            throw new java.sql.SQLNonTransientConnectionException(
                    "The call to the Data API at " + settings.endpoint() + " failed after it was sent (" + e
                            + "); the statement may or may not have run.",
                    "08006",
                    e);
        }
        JsonNode parsed = parse(answer);
        if (status == 200) return parsed;
        throw DataApiErrors.toSqlException(
                status, errorType(errorHeader, parsed), parsed.path("message").asText(""));
    }

    /** Nothing was sent, so a retry cannot apply the statement twice. */
    private SQLTransientConnectionException unreachable(IOException e) {
        return new SQLTransientConnectionException(
                "The Data API at " + settings.endpoint() + " could not be reached (" + e + "). Check the URL"
                        + " and that the Slipway proxy (or Aurora's Data API) is running.",
                "08001",
                e);
    }

    private static String errorType(String header, JsonNode answer) {
        String type = header;
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
