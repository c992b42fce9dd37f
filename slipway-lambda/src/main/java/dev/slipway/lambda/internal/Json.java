package dev.slipway.lambda.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one ObjectMapper: ISO dates, unknown request fields rejected. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private Json() {}

    /**
     * The path ({@code name}, {@code tags[2]}) of the first string in {@code tree}, or field name, holding a NUL
     * character or an unpaired surrogate; null when there is none.
     */
    public static String unstorableText(com.fasterxml.jackson.databind.JsonNode tree) {
        return unstorable(tree, "");
    }

    private static String unstorable(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isTextual()) return storable(node.asText()) ? null : path.isEmpty() ? "(body)" : path;
        if (node.isObject()) {
            for (var field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!storable(field.getKey())) return at;
                String found = unstorable(field.getValue(), at);
                if (found != null) return found;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = unstorable(node.get(i), path + "[" + i + "]");
                if (found != null) return found;
            }
        }
        return null;
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
