package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stops reading a result once its answer would pass the Data API's 1 MiB response limit, instead of holding the
 * whole result in memory first. It counts at least the bytes each value will take in the JSON answer (a lower
 * bound: no escapes, one byte a character), so a result it lets through is still checked exactly when the answer
 * is written.
 */
final class ResponseBudget {

    static final String TOO_LARGE = "Database returned more than the allowed response size limit";
    static final int LIMIT = 1024 * 1024;

    private long used;

    void add(JsonNode field) {
        long size = 4; // braces, comma
        for (var it = field.fields(); it.hasNext(); ) {
            var member = it.next();
            size += member.getKey().length() + 3 + valueSize(member.getValue());
        }
        charge(size);
    }

    void add(String label, JsonNode value) {
        charge(label.length() + 4 + valueSize(value));
    }

    private static long valueSize(JsonNode value) {
        if (value.isTextual()) return value.textValue().length() + 2;
        if (value.isContainerNode()) return value.toString().length();
        return value.isNumber() ? value.asText().length() : 5;
    }

    private void charge(long bytes) {
        used += bytes;
        if (used > LIMIT) throw DataApiException.badRequest(TOO_LARGE);
    }
}
