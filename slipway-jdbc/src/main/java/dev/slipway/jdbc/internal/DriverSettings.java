package dev.slipway.jdbc.internal;

import dev.slipway.core.Engine;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What a {@code jdbc:slipway-data-api:} URL and its connection properties say: where the Data API is, which
 * cluster and secret, how to sign, which engine. Any property may be a URL query parameter instead.
 *
 * @param endpoint the Data API's base URI ({@code http(s)://host:port} or {@code https://rds-data.REGION.amazonaws.com})
 * @param region the region requests are signed for
 * @param aws whether this is Aurora's own Data API (then ARNs and credentials are required)
 * @param session {@code stateless} (each statement on any pooled connection) or {@code pinned} (one connection
 *     for the JDBC connection's life, for session state such as locks; what migrations use)
 */
public record DriverSettings(
        URI endpoint,
        String region,
        boolean aws,
        String database,
        String resourceArn,
        String secretArn,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        String apiKey,
        Engine engine,
        String session,
        boolean continueAfterTimeout,
        Duration requestTimeout) {

    public static final String PREFIX = "jdbc:slipway-data-api:";
    /** What the proxy's development mode accepts for any cluster and secret. */
    static final String DEV_RESOURCE_ARN = "arn:aws:rds:us-east-1:000000000000:cluster:slipway-local";

    static final String DEV_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:slipway-local";

    private static final Set<String> KNOWN = DriverProperty.keys();

    /**
     * {@code url} with the engine after the prefix ({@code jdbc:slipway-data-api:postgresql://...}), as
     * {@link java.sql.DatabaseMetaData#getURL()} reports it, so that tools that choose a dialect by the URL find it.
     */
    public static String namingEngine(String url, String engine) {
        if (!accepts(url)) return url;
        String rest = url.substring(PREFIX.length());
        for (String named : Engine.DATA_API_URL_ENGINES) if (rest.startsWith(named + ":")) return url;
        return PREFIX + engine + ":" + rest;
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    public static DriverSettings parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) throw invalid(url, "it does not start with " + PREFIX);
        String rest = url.substring(PREFIX.length());
        Map<String, String> query = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (!KNOWN.contains(key)) {
                    throw invalid(url, "'" + key + "' is not one of its parameters " + KNOWN);
                }
                query.put(key, eq < 0 ? "true" : decode(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) all.put(name, info.getProperty(name));
        }
        all.putAll(query); // the URL wins, as in pgjdbc
        // jdbc:slipway-data-api:postgresql://... (or mysql:): the engine in the URL itself, where tools that pick a
        // dialect by the URL (jOOQ's DSL.using(connection), which looks for ":postgresql:" or ":mysql:") find it
        for (String named : Engine.DATA_API_URL_ENGINES) {
            if (rest.startsWith(named + ":")) {
                rest = rest.substring(named.length() + 1);
                String other = all.get("engine");
                if (other != null && engine(url, other) != engine(url, named)) {
                    throw invalid(url, "it names engine " + named + " and engine=" + other);
                }
                all.put("engine", named);
                break;
            }
        }
        boolean aws = rest.startsWith("aws:");
        URI endpoint;
        String region;
        String database;
        if (aws) {
            int slash = rest.indexOf('/');
            region = slash < 0 ? rest.substring(4) : rest.substring(4, slash);
            database = slash < 0 ? null : rest.substring(slash + 1);
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw invalid(
                        url, "'" + region + "' is not an AWS region (jdbc:slipway-data-api:aws:us-east-1/DATABASE)");
            }
            endpoint = URI.create("https://rds-data." + region + ".amazonaws.com");
        } else {
            if (!rest.startsWith("//")) {
                throw invalid(
                        url,
                        "write jdbc:slipway-data-api://HOST:PORT/DATABASE or jdbc:slipway-data-api:aws:REGION/DATABASE");
            }
            int slash = rest.indexOf('/', 2);
            String hostPort = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            database = slash < 0 ? null : rest.substring(slash + 1);
            if (hostPort.isEmpty()) throw invalid(url, "it names no host");
            boolean tls = Boolean.parseBoolean(all.getOrDefault("tls", "false"));
            endpoint = URI.create((tls ? "https://" : "http://") + hostPort);
            if (endpoint.getHost() == null) throw invalid(url, "'" + hostPort + "' is not HOST:PORT");
            region = all.get("region"); // else the region of the resource ARN, below
        }
        if (database != null && database.isEmpty()) database = null;
        String resourceArn = all.get("resourceArn");
        String secretArn = all.get("secretArn");
        if (region == null) { // a signature's region must be its resource ARN's (the proxy checks, as AWS does)
            region = dev.slipway.core.RdsArns.region(resourceArn != null ? resourceArn : DEV_RESOURCE_ARN)
                    .orElseGet(() -> env("AWS_REGION", "us-east-1"));
        }
        if (aws && (resourceArn == null || secretArn == null)) {
            throw invalid(
                    url, "Aurora's Data API needs resourceArn and secretArn (URL parameters or connection properties)");
        }
        Engine engine = all.containsKey("engine") ? engine(url, all.get("engine")) : null;
        String session = all.getOrDefault("session", "stateless").toLowerCase(Locale.ROOT);
        if (!session.equals("stateless") && !session.equals("pinned")) {
            throw invalid(url, "session must be stateless or pinned, not '" + session + "'");
        }
        long timeout = number(url, all.getOrDefault("requestTimeoutSeconds", "60"));
        return new DriverSettings(
                endpoint,
                region,
                aws,
                database,
                resourceArn != null ? resourceArn : DEV_RESOURCE_ARN,
                secretArn != null ? secretArn : DEV_SECRET_ARN,
                all.get("accessKeyId"),
                all.get("secretAccessKey"),
                all.get("sessionToken"),
                all.get("apiKey"),
                engine,
                session,
                Boolean.parseBoolean(
                        all.getOrDefault("continueAfterTimeout", String.valueOf(session.equals("pinned")))),
                Duration.ofSeconds(timeout));
    }

    boolean pinned() {
        return session.equals("pinned");
    }

    private static Engine engine(String url, String text) throws SQLException {
        try {
            return Engine.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(url, "engine must be postgresql or mysql, not '" + text + "'");
        }
    }

    private static long number(String url, String text) throws SQLException {
        try {
            long n = Long.parseLong(text.trim());
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw invalid(url, "requestTimeoutSeconds must be a positive number of seconds, not '" + text + "'");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static SQLException invalid(String url, String why) {
        String shown =
                url == null ? "null" : url.replaceAll("(?i)(secretAccessKey|apiKey|sessionToken)=[^&]*", "$1=***");
        return new SQLException("Invalid Data API URL " + shown + ": " + why + ".", "08001");
    }
}
