package dev.slipway.lambda.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Setting;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The data proxy's API key, kept in Secrets Manager ({@code SLIPWAY_DATA_API_KEY_SECRET_ARN}) rather than in the
 * function's environment, joined to the Data API URL ({@code SLIPWAY_URL}) as the driver's {@code apiKey}
 * parameter. {@link dev.slipway.core.DatabaseTarget#toString()} masks it, as every URL shown is masked.
 */
final class DataApiKeySecret {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataApiKeySecret() {}

    /** {@code url} with the key of {@code secretValue}: {@code {"apiKey":"..."}} or the bare key. */
    static DatabaseTarget credentials(String url, String secretValue) {
        if (!url.startsWith("jdbc:slipway-data-api:")) {
            throw configuration(Setting.DATA_API_KEY_SECRET_ARN.env() + " is for the data proxy, but "
                    + Setting.URL.env() + " is not a jdbc:slipway-data-api: URL. Unset one of them.");
        }
        if (url.matches("(?i).*[?&]apiKey=.*")) {
            throw configuration(Setting.URL.env() + " carries an apiKey and " + Setting.DATA_API_KEY_SECRET_ARN.env()
                    + " names another: keep the key in the secret only.");
        }
        String key = keyOf(secretValue);
        String joined =
                url + (url.contains("?") ? "&" : "?") + "apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        return DatabaseTarget.of(joined, null, null);
    }

    private static String keyOf(String secretValue) {
        String text = secretValue == null ? "" : secretValue.strip();
        if (text.startsWith("{")) {
            JsonNode apiKey;
            try {
                apiKey = JSON.readTree(text).get("apiKey");
            } catch (java.io.IOException e) {
                throw secret("is not valid JSON (its value is not shown)");
            }
            if (apiKey == null || !apiKey.isTextual() || apiKey.asText().isBlank()) {
                throw secret("has no \"apiKey\" text field");
            }
            return apiKey.asText();
        }
        if (text.isEmpty()) throw secret("is empty");
        return text;
    }

    private static SlipwayLambdaException secret(String what) {
        return new SlipwayLambdaException(
                SlipwayLambdaException.Kind.SECRET,
                "The secret of " + Setting.DATA_API_KEY_SECRET_ARN.env() + " " + what
                        + ": it holds {\"apiKey\":\"...\"} (SlipwayDataApiService makes it so) or the bare key.",
                null);
    }

    private static SlipwayLambdaException configuration(String message) {
        return new SlipwayLambdaException(SlipwayLambdaException.Kind.CONFIGURATION, message, null);
    }
}
