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
 * The routes file: one route per line, {@code METHOD PATH FUNCTION OPERATION}, {@code #} comments. The local API
 * ({@code slipway up}) and the CDK HTTP API are both built from it, so they cannot drift apart.
 *
 * <pre>
 * # method  path            function  operation
 * GET       /authors/{id}   api       getAuthor
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
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").strip();
            if (line.isEmpty()) continue;
            String where = origin + ":" + (i + 1) + ": ";
            String[] parts = line.split("\\s+");
            if (parts.length != 4) {
                throw new IllegalArgumentException(where + "expected 'METHOD PATH FUNCTION OPERATION', e.g."
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
            Route route = new Route(method, parts[1], parts[2], parts[3]);
            if (!keys.add(route.routeKey())) {
                throw new IllegalArgumentException(where + "route " + route.routeKey() + " is declared twice");
            }
            routes.add(route);
        }
        if (routes.isEmpty()) throw new IllegalArgumentException(origin + " declares no route.");
        return List.copyOf(routes);
    }
}
