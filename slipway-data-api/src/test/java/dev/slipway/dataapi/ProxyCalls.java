package dev.slipway.dataapi;

import static dev.slipway.dataapi.RdsDataClientIT.CLUSTER;
import static dev.slipway.dataapi.RdsDataClientIT.SECRET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Data API calls over plain HTTP with an API key (or none), as a test client that is not the proxy's code. */
final class ProxyCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its HTTP status, its error type (null when 200) and its JSON body. */
    record Answer(int status, String errorType, JsonNode body) {
        String message() {
            return body.path("message").asText();
        }

        long updated() {
            return body.path("numberOfRecordsUpdated").asLong();
        }

        /** The first column of the first row, as text. */
        String first() {
            JsonNode field = body.path("records").path(0).path(0);
            var it = field.fields();
            if (!it.hasNext()) return null;
            var member = it.next();
            return member.getKey().equals("isNull") ? null : member.getValue().asText();
        }

        /** Every column of the first row, as text (null for NULL), joined with " | ". */
        String row() {
            StringBuilder out = new StringBuilder();
            for (JsonNode field : body.path("records").path(0)) {
                if (!out.isEmpty()) out.append(" | ");
                var member = field.fields().next();
                out.append(
                        member.getKey().equals("isNull")
                                ? "null"
                                : member.getValue().asText());
            }
            return out.toString();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String apiKey;

    ProxyCalls(URI endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
    }

    Answer execute(String sql) {
        return call("/Execute", body().put("sql", sql));
    }

    Answer execute(String sql, String transactionId) {
        return call("/Execute", body().put("sql", sql).put("transactionId", transactionId));
    }

    String begin() {
        Answer a = call("/BeginTransaction", body());
        if (a.status() != 200) throw new AssertionError("BeginTransaction: " + a);
        return a.body().path("transactionId").asText();
    }

    Answer commit(String transactionId) {
        return call("/CommitTransaction", body().put("transactionId", transactionId));
    }

    Answer rollback(String transactionId) {
        return call("/RollbackTransaction", body().put("transactionId", transactionId));
    }

    static ObjectNode body() {
        return JSON.createObjectNode().put("resourceArn", CLUSTER).put("secretArn", SECRET);
    }

    Answer call(String path, ObjectNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (apiKey != null) request.header("x-api-key", apiKey);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(path + " failed: " + e, e);
        }
    }
}
