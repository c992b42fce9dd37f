package dev.slipway.core.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes file: one route per line, {@code METHOD PATH FUNCTION OPERATION [auth=none|jwt|iam] [scopes=a,b]},
 * {@code #} comments, and at most one {@code default auth=... [scopes=...]} line for the routes that name no
 * {@code auth=} (without it they are open to anyone). The local API ({@code slipway up}), the function and the CDK
 * HTTP API are all built from it, so they cannot drift apart.
 *
 * <pre>
 * default   auth=jwt
 * # method  path            function  operation
 * GET       /authors/{id}   api       getAuthor   auth=none
 * POST      /authors        api       createAuthor scopes=authors:write
 * </pre>
 */
public final class RoutesFile {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private RoutesFile() {}

    public static List<Route> read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the routes file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a routes file packaged with the function (at the root of the artifact, by default {@code routes}). */
    public static List<Route> fromClasspath(String resource) {
        try (InputStream in = RoutesFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "No routes file '" + resource + "' on the classpath. Package it at the"
                                + " root of the function's artifact (examples/blog does this in its pom).");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read routes file " + resource + ": " + e.getMessage(), e);
        }
    }

    public static List<Route> parse(String origin, String text) {
        List<Route> routes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String[] lines = text.split("\\R");
        RouteAccess fallback = RouteAccess.NONE;
        int defaultLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").strip();
            if (!line.toLowerCase(java.util.Locale.ROOT).startsWith("default ")) continue;
            String where = origin + ":" + (i + 1) + ": ";
            if (defaultLine > 0) {
                throw new IllegalArgumentException(
                        where + "a second 'default' line (the first is line " + defaultLine + "); keep one");
            }
            String[] parts = line.split("\\s+");
            fallback = access(where, java.util.Arrays.copyOfRange(parts, 1, parts.length), null);
            if (fallback == null) throw new IllegalArgumentException(where + "write 'default auth=none|jwt|iam'");
            defaultLine = i + 1;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").strip();
            if (line.isEmpty() || i + 1 == defaultLine) continue;
            String where = origin + ":" + (i + 1) + ": ";
            String[] parts = line.split("\\s+");
            if (parts.length < 4 || parts[3].contains("=")) {
                throw new IllegalArgumentException(where + "expected 'METHOD PATH FUNCTION OPERATION [auth=...]', e.g."
                        + " 'GET /authors/{id} api getAuthor', got '" + line + "'");
            }
            String method = parts[0].toUpperCase(java.util.Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException(where + "unknown method '" + parts[0] + "'; use one of " + METHODS);
            }
            if (!parts[1].startsWith("/") || !parts[1].matches("[/A-Za-z0-9_.{}-]+")) {
                throw new IllegalArgumentException(where + "path '" + parts[1] + "' must start with / and use letters,"
                        + " digits, - _ . and {parameters}");
            }
            RouteAccess access = access(where, java.util.Arrays.copyOfRange(parts, 4, parts.length), fallback);
            Route route = new Route(method, parts[1], parts[2], parts[3], access);
            if (!keys.add(route.routeKey())) {
                throw new IllegalArgumentException(where + "route " + route.routeKey() + " is declared twice");
            }
            routes.add(route);
        }
        if (routes.isEmpty()) throw new IllegalArgumentException(origin + " declares no route.");
        return List.copyOf(routes);
    }

    /**
     * The access {@code options} ({@code auth=...}, {@code scopes=...}) declare; {@code fallback} where they name no
     * {@code auth=} (scopes alone mean {@code auth=jwt}).
     */
    private static RouteAccess access(String where, String[] options, RouteAccess fallback) {
        RouteAccess.Mode mode = null;
        List<String> scopes = List.of();
        for (String option : options) {
            int equals = option.indexOf('=');
            String key = equals < 0 ? option : option.substring(0, equals).toLowerCase(java.util.Locale.ROOT);
            String value = equals < 0 ? "" : option.substring(equals + 1);
            switch (key) {
                case "auth" -> {
                    try {
                        mode = RouteAccess.Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                where + "auth=" + value + " is not one of auth=none, auth=jwt, auth=iam");
                    }
                }
                case "scopes" -> {
                    scopes = List.of(value.split(","));
                    if (value.isEmpty() || scopes.stream().anyMatch(String::isBlank)) {
                        throw new IllegalArgumentException(where + "scopes= needs a comma-separated list, e.g."
                                + " scopes=posts:write,posts:delete");
                    }
                }
                default ->
                    throw new IllegalArgumentException(where + "unknown option '" + option + "'; a route takes"
                            + " auth=none|jwt|iam and, with jwt, scopes=a,b");
            }
        }
        if (mode == null && scopes.isEmpty()) return fallback;
        if (mode == null) mode = RouteAccess.Mode.JWT;
        if (mode != RouteAccess.Mode.JWT && !scopes.isEmpty()) {
            throw new IllegalArgumentException(where + "scopes= needs auth=jwt (API Gateway checks scopes of JWTs"
                    + " only), not auth=" + mode.id());
        }
        return new RouteAccess(mode, scopes);
    }
}
