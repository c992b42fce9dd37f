package dev.slipway.lambda.http;

import java.util.List;
import java.util.regex.Pattern;

/** Small field checks for {@link Validated#validate()}: each adds a problem naming the field and the rule. */
public final class Checks {

    // deliberately simple: one @, no spaces, a dot in the domain; the real check is sending mail
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Checks() {}

    public static void required(List<String> problems, String field, Object value) {
        if (value == null) problems.add(field + ": is required");
    }

    public static void length(List<String> problems, String field, String value, int min, int max) {
        if (value == null) {
            if (min > 0) problems.add(field + ": is required");
            return;
        }
        int length = value.strip().length();
        if (length < min || value.length() > max) {
            problems.add(field + ": must be " + (min > 0 ? "between " + min + " and " + max : "at most " + max)
                    + " characters (is " + value.length() + ")");
        }
    }

    public static void email(List<String> problems, String field, String value) {
        if (value != null && (value.length() > 320 || !EMAIL.matcher(value).matches())) {
            problems.add(field + ": must be an email address like name@example.com");
        }
    }
}
