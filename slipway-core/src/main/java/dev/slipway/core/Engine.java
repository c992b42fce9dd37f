package dev.slipway.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A database engine Slipway supports: the one place that knows its names, JDBC URL schemes, default port, driver
 * and the connection settings Slipway relies on. Its {@link #id()} is also the migrations sub-directory.
 */
public enum Engine {
    /**
     * pgjdbc: timeouts in seconds; the session's zone is the JVM's, sent in the start-up packet whatever the URL says
     * (pgjdbc issues 1626 and 2311), so UTC is a statement after connecting ({@link DatabaseConnector}).
     */
    POSTGRESQL(
            "postgresql",
            5432,
            "org.postgresql.Driver",
            "POSTGRES",
            List.of("jdbc:postgresql:"),
            Map.of(),
            true,
            new AttemptTimeout(List.of("connectTimeout", "loginTimeout"), 1),
            "sslmode=verify-full&sslrootcert="),
    /**
     * MySQL and MariaDB, both through the MariaDB driver, which serves {@code jdbc:mysql:} URLs when permitted; the
     * session's zone through {@code sessionVariables}, the connect timeout in milliseconds.
     */
    MYSQL(
            "mysql",
            3306,
            "org.mariadb.jdbc.Driver",
            "MYSQL",
            List.of("jdbc:mariadb:", "jdbc:mysql:"),
            Map.of("sessionVariables", "time_zone='+00:00'"),
            false,
            new AttemptTimeout(List.of("connectTimeout"), 1000),
            "sslMode=verify-full&serverSslCert=");

    /** Both engines: a project's default {@code slipway.engines}. */
    public static final java.util.Set<Engine> BOTH =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.allOf(Engine.class));

    private static final String PERMIT_MYSQL_SCHEME = "permitMysqlScheme";
    private static final String DATA_API_SCHEME = "jdbc:slipway-data-api:";

    /** The engine names a Data API URL may carry after its scheme ({@code jdbc:slipway-data-api:mariadb://...}). */
    public static final List<String> DATA_API_URL_ENGINES = List.of("postgresql", "mariadb", "mysql");

    private final String id;
    private final int defaultPort;
    private final String driverClassName;
    private final String jooqDialect;
    private final List<String> jdbcSchemes;
    private final Map<String, String> utcSessionProperties;
    private final boolean sessionStartsAtJvmZone;
    private final AttemptTimeout attemptTimeout;
    private final String verifiedTlsParameters;

    /** The driver properties that bound one connection attempt, and their unit in milliseconds. */
    private record AttemptTimeout(List<String> properties, long unitMillis) {}

    Engine(
            String id,
            int defaultPort,
            String driverClassName,
            String jooqDialect,
            List<String> jdbcSchemes,
            Map<String, String> utcSessionProperties,
            boolean sessionStartsAtJvmZone,
            AttemptTimeout attemptTimeout,
            String verifiedTlsParameters) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.driverClassName = driverClassName;
        this.jooqDialect = jooqDialect;
        this.jdbcSchemes = jdbcSchemes;
        this.utcSessionProperties = utcSessionProperties;
        this.sessionStartsAtJvmZone = sessionStartsAtJvmZone;
        this.attemptTimeout = attemptTimeout;
        this.verifiedTlsParameters = verifiedTlsParameters;
    }

    /**
     * The driver properties that start a session at UTC; empty where the driver cannot ({@link
     * #sessionStartsAtJvmZone}).
     */
    public Map<String, String> utcSessionProperties() {
        return utcSessionProperties;
    }

    /** Whether the driver starts every session at the JVM's zone, so UTC takes a statement after connecting. */
    public boolean sessionStartsAtJvmZone() {
        return sessionStartsAtJvmZone;
    }

    /** The driver properties that bound one connection attempt (connect and login) to {@code seconds}. */
    public Map<String, String> attemptTimeoutProperties(long seconds) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String name : attemptTimeout.properties()) {
            properties.put(name, Long.toString(seconds * attemptTimeout.unitMillis()));
        }
        return properties;
    }

    /** The URL parameters for TLS verified against the certificates in {@code caFile}, host name included. */
    public String verifiedTlsParameters(String caFile) {
        return verifiedTlsParameters + caFile;
    }

    /** The lower-case name used in directories, flags and configuration. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The JDBC driver Slipway ships for the engine. */
    public String driverClassName() {
        return driverClassName;
    }

    /** The name of jOOQ's {@code SQLDialect} constant for the engine, for {@code SQLDialect.valueOf}. */
    public String jooqDialect() {
        return jooqDialect;
    }

    /** The URL prefixes that mean this engine; the first is the one Slipway writes. */
    public List<String> jdbcSchemes() {
        return jdbcSchemes;
    }

    /** A URL for {@code host:port/database} in the engine's own scheme. */
    public String jdbcUrl(String host, int port, String database) {
        return jdbcSchemes.get(0) + "//" + host + ":" + port + "/" + (database == null ? "" : database);
    }

    /**
     * The URL as the shipped driver accepts it: a {@code jdbc:mysql:} URL gets {@code permitMysqlScheme}, without
     * which the MariaDB driver ignores it.
     */
    public static String normalizeUrl(String url) {
        if (url != null && url.startsWith("jdbc:mysql:") && !url.contains(PERMIT_MYSQL_SCHEME)) {
            return url + (url.contains("?") ? "&" : "?") + PERMIT_MYSQL_SCHEME;
        }
        return url;
    }

    /**
     * Parses an engine name as Slipway's flags and RDS secrets spell it, case-insensitively: {@code postgresql},
     * {@code postgres}, {@code pg}, {@code aurora-postgresql}; {@code mysql}, {@code mariadb}, {@code aurora-mysql},
     * {@code aurora} (RDS's name for Aurora MySQL 5.6).
     */
    public static Engine parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "postgresql", "postgres", "pg", "aurora-postgresql" -> POSTGRESQL;
            case "mysql", "mariadb", "aurora-mysql", "aurora" -> MYSQL;
            default ->
                throw new IllegalArgumentException("Unknown engine '" + text + "'. Use one of: "
                        + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", "))
                        + " (RDS secrets may also say postgres, aurora-postgresql, mariadb, aurora-mysql).");
        };
    }

    /**
     * The engines of {@code slipway.engines}: a comma-separated list of names {@link #parse} reads, in Slipway's
     * order ({@code postgresql,mysql}; {@code postgresql} alone for a PostgreSQL-only project).
     */
    public static java.util.Set<Engine> parseList(String text) {
        java.util.Set<Engine> engines = java.util.EnumSet.noneOf(Engine.class);
        for (String name : (text == null ? "" : text).split(",")) {
            try {
                if (!name.isBlank()) engines.add(parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("slipway.engines: " + e.getMessage(), e);
            }
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("No engine in '" + text + "'. Write postgresql,mysql or postgresql.");
        }
        return java.util.Collections.unmodifiableSet(engines);
    }

    /** The engine a JDBC URL points at, if it is one Slipway supports. */
    public static Optional<Engine> recognize(String url) {
        if (url == null) return Optional.empty();
        if (isDataApiUrl(url)) {
            // jdbc:slipway-data-api:postgresql://... (or mariadb:, mysql:), else an engine= parameter
            String rest = url.substring(DATA_API_SCHEME.length());
            for (String named : DATA_API_URL_ENGINES) {
                if (rest.startsWith(named + ":")) return Optional.of(parse(named));
            }
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("[?&]engine=([A-Za-z-]+)").matcher(url);
            return m.find() ? Optional.of(parse(m.group(1))) : Optional.empty();
        }
        return Arrays.stream(values())
                .filter(e -> e.jdbcSchemes.stream().anyMatch(url::startsWith))
                .findFirst();
    }

    /**
     * Whether the URL is the Slipway JDBC driver's, over the RDS Data API ({@code jdbc:slipway-data-api:...}); its
     * engine is the URL's {@code engine=} parameter.
     */
    public static boolean isDataApiUrl(String url) {
        return url != null && url.startsWith(DATA_API_SCHEME);
    }

    /** The engine a JDBC URL points at, e.g. {@code jdbc:postgresql://...} or {@code jdbc:mysql://...}. */
    public static Engine fromJdbcUrl(String url) {
        JdbcUrls.requireJdbc(url);
        if (isDataApiUrl(url) && recognize(url).isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot tell the engine behind the Data API URL " + JdbcUrls.mask(url)
                            + ": add engine=postgresql or engine=mysql to it (jdbc:slipway-data-api://HOST:PORT/DB?engine=postgresql).");
        }
        return recognize(url)
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell the engine from the JDBC URL "
                        + JdbcUrls.mask(url) + " (it must start with " + allSchemes()
                        + "). Pass --engine postgresql|mysql, or fix the URL."));
    }

    private static String allSchemes() {
        return Arrays.stream(values()).flatMap(e -> e.jdbcSchemes.stream()).collect(Collectors.joining(", ")) + ", "
                + DATA_API_SCHEME + " (with engine=...)";
    }
}
