package dev.slipway.core.routes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a routes file: {@code POST /authors/{id}/posts api createPost auth=jwt} sends that method and path to
 * the operation {@code createPost} of the function {@code api}, for callers with a valid JWT.
 *
 * @param method HTTP method, upper case
 * @param path path template with {@code {name}} parameters
 * @param function the Lambda function that serves it
 * @param operation the operation inside that function
 * @param access who may call it
 */
public record Route(String method, String path, String function, String operation, RouteAccess access) {

    /** A route open to anyone. */
    public Route(String method, String path, String function, String operation) {
        this(method, path, function, operation, RouteAccess.NONE);
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /** A path template compiled once: the regex and the parameter names in order. */
    private record Template(Pattern regex, List<String> names) {}

    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    /**
     * The path parameters when {@code actualPath} fits this route's template, percent-decoded as UTF-8 ({@code +}
     * stays a plus, as in a path); a parameter that is not valid percent-encoded UTF-8 fits no route.
     */
    public Optional<Map<String, String>> match(String actualPath) {
        Template template = TEMPLATES.computeIfAbsent(path, Route::compile);
        Matcher actual = template.regex().matcher(stripTrailingSlash(actualPath));
        if (!actual.matches()) return Optional.empty();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.names().size(); i++) {
            String decoded = percentDecoded(actual.group(i + 1));
            if (decoded == null) return Optional.empty();
            parameters.put(template.names().get(i), decoded);
        }
        return Optional.of(parameters);
    }

    /** A path segment percent-decoded as strict UTF-8, or null when it is malformed. */
    static String percentDecoded(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) return null;
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int codePoint = segment.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static Template compile(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(path);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return new Template(Pattern.compile(regex.toString()), List.copyOf(names));
    }

    /** The API Gateway route key, e.g. {@code GET /authors/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }

    private static String stripTrailingSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
