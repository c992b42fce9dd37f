package dev.slipway.dataapi;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import dev.slipway.core.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the data proxy runs: where it listens, which databases it serves and who may call it.
 *
 * @param bindAddress the address to listen on ({@code 127.0.0.1} unless the proxy is for other hosts)
 * @param port the port; 0 picks a free one
 * @param targets the databases, each selected by the {@code resourceArn} (and, when set, {@code secretArn}) of a
 *     request
 * @param development when set, every ARN maps to this one target (what {@code slipway up} and
 *     {@code slipway data-api serve --url} run)
 * @param accessKeys SigV4 access key id -> secret access key; requests signed with one of them are accepted
 * @param apiKeys keys accepted in {@code x-api-key} or {@code Authorization: Bearer}
 * @param maxConnections the pool size per database
 * @param borrowTimeout how long a request waits for a pooled connection before the proxy answers
 *     ServiceUnavailableError (which the SDKs retry)
 * @param statementTimeout how long a statement may run unless the request sets {@code continueAfterTimeout}
 * @param tls the certificate and key to serve HTTPS with; null for plain HTTP
 * @param limits what one key and one connection may hold or take ({@link DataApiLimits})
 * @param region the region SigV4 signatures must be scoped to; null for the region of the request's resource ARN
 */
public record DataApiConfig(
        String bindAddress,
        int port,
        List<Target> targets,
        Target development,
        Map<String, String> accessKeys,
        Set<String> apiKeys,
        int maxConnections,
        Duration borrowTimeout,
        Duration statementTimeout,
        java.security.KeyStore tls,
        DataApiLimits limits,
        String region) {

    /** AWS stops a statement after 45 s unless the call sets continueAfterTimeout (Aurora user guide, Data API). */
    public static final Duration AWS_STATEMENT_TIMEOUT = Duration.ofSeconds(45);

    /**
     * One database server the proxy reaches.
     *
     * @param resourceArn the cluster ARN requests name; any when null (development)
     * @param secretArn the secret ARN requests name; any when null
     * @param database how to reach the server: JDBC URL (a request's {@code database} replaces its database name),
     *     user and password (never logged)
     * @param databases more databases requests may name ({@link #serves})
     * @param secretReader reads {@code secretArn} again when the database refuses {@code user} and {@code
     *     password} (a rotation); null for a login that does not change
     */
    public record Target(
            String resourceArn,
            String secretArn,
            DatabaseTarget database,
            Set<String> databases,
            SecretReader secretReader) {

        public Target {
            databases = databases == null ? Set.of() : Set.copyOf(databases);
            if (secretReader != null && secretArn == null) {
                throw new IllegalArgumentException(
                        "A target whose login is read from its secret needs the secret's" + " ARN.");
            }
        }

        /** A target reached at {@code url} as {@code user}, whose login is read again from its secret when given. */
        public Target(
                String resourceArn,
                String secretArn,
                String url,
                String user,
                String password,
                Set<String> databases,
                SecretReader secretReader) {
            this(resourceArn, secretArn, DatabaseTarget.of(url, user, password), databases, secretReader);
        }

        /** A target with a fixed login. */
        public Target(
                String resourceArn, String secretArn, String url, String user, String password, Set<String> databases) {
            this(resourceArn, secretArn, url, user, password, databases, null);
        }

        /** A target that serves only its URL's database. */
        public Target(String resourceArn, String secretArn, String url, String user, String password) {
            this(resourceArn, secretArn, url, user, password, Set.of());
        }

        /** The JDBC URL (normalized as the shipped drivers accept it). */
        public String url() {
            return database.url();
        }

        public String user() {
            return database.user();
        }

        public String password() {
            return database.password();
        }

        /**
         * Whether a request may name {@code database} (null or empty: the URL's); an entry of {@link #databases} with
         * {@code *} matches any run of name characters there ({@code slipway_check_*}).
         */
        public boolean serves(String name) {
            if (name == null || name.isEmpty() || name.equals(database.database())) return true;
            for (String allowed : databases) {
                if (allowed.equals(name)) return true;
                if (allowed.contains("*")) {
                    String glob = java.util.Arrays.stream(allowed.split("\\*", -1))
                            .map(java.util.regex.Pattern::quote)
                            .collect(java.util.stream.Collectors.joining("[A-Za-z0-9_$-]*"));
                    if (name.matches(glob)) return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return (resourceArn == null ? "any ARN" : resourceArn) + " -> " + database;
        }
    }

    /** The scratch databases {@code slipway migrate check} makes, which development mode serves too. */
    public static final String CHECK_DATABASES = "slipway_check_*";

    /**
     * Development mode: every ARN reaches {@code url} (its database, and {@link #CHECK_DATABASES}); no keys means no
     * authentication (loopback only).
     */
    public static DataApiConfig development(String url, String user, String password, int port) {
        Target target = new Target(null, null, url, user, password == null ? "" : password, Set.of(CHECK_DATABASES));
        return defaults(port).with(f -> f.development = target);
    }

    /** The defaults, with no target yet. */
    private static DataApiConfig defaults(int port) {
        return new DataApiConfig(
                "127.0.0.1",
                port,
                List.of(),
                null,
                Map.of(),
                Set.of(),
                10,
                Duration.ofSeconds(5),
                AWS_STATEMENT_TIMEOUT,
                null,
                DataApiLimits.DEFAULTS,
                null);
    }

    public DataApiConfig withLimits(DataApiLimits limits) {
        return with(f -> f.limits = limits);
    }

    public DataApiConfig withRegion(String region) {
        return with(f -> f.region = region);
    }

    /** Development mode that also serves these databases of the URL's server. */
    public DataApiConfig withDatabases(Set<String> databases) {
        Target d = development;
        return with(f -> f.development = new Target(d.resourceArn(), d.secretArn(), d.database(), databases, null));
    }

    public DataApiConfig withKeys(Map<String, String> accessKeys, Set<String> apiKeys) {
        return with(f -> {
            f.accessKeys = Map.copyOf(accessKeys);
            f.apiKeys = Set.copyOf(apiKeys);
        });
    }

    public DataApiConfig withPool(int maxConnections, Duration borrowTimeout) {
        return with(f -> {
            f.maxConnections = maxConnections;
            f.borrowTimeout = borrowTimeout;
        });
    }

    public DataApiConfig withStatementTimeout(Duration statementTimeout) {
        return with(f -> f.statementTimeout = statementTimeout);
    }

    /** HTTPS with {@code store} (see {@link #fromSettings} for PEM files and a self-signed certificate). */
    public DataApiConfig withTls(java.security.KeyStore store) {
        return with(f -> f.tls = store);
    }

    /** A copy with some components changed: records have no withers, this keeps the list of them in one place. */
    private DataApiConfig with(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new DataApiConfig(
                f.bindAddress,
                f.port,
                f.targets,
                f.development,
                f.accessKeys,
                f.apiKeys,
                f.maxConnections,
                f.borrowTimeout,
                f.statementTimeout,
                f.tls,
                f.limits,
                f.region);
    }

    private static final class Fields {
        String bindAddress;
        int port;
        List<Target> targets;
        Target development;
        Map<String, String> accessKeys;
        Set<String> apiKeys;
        int maxConnections;
        Duration borrowTimeout;
        Duration statementTimeout;
        java.security.KeyStore tls;
        DataApiLimits limits;
        String region;

        Fields(DataApiConfig c) {
            bindAddress = c.bindAddress;
            port = c.port;
            targets = c.targets;
            development = c.development;
            accessKeys = c.accessKeys;
            apiKeys = c.apiKeys;
            maxConnections = c.maxConnections;
            borrowTimeout = c.borrowTimeout;
            statementTimeout = c.statementTimeout;
            tls = c.tls;
            limits = c.limits;
            region = c.region;
        }
    }

    private static java.security.KeyStore tls(Map<String, String> settings) {
        String cert = settings.get(Setting.DATA_API_TLS_CERT.key());
        String key = settings.get(Setting.DATA_API_TLS_KEY.key());
        boolean selfSigned =
                Boolean.parseBoolean(settings.getOrDefault(Setting.DATA_API_TLS_SELF_SIGNED.key(), "false"));
        if (cert != null && key != null) {
            return Tls.fromPem(java.nio.file.Path.of(cert), java.nio.file.Path.of(key));
        }
        if (cert != null || key != null) {
            throw new IllegalArgumentException("TLS needs both " + Setting.DATA_API_TLS_CERT.key() + " (--tls-cert)"
                    + " and " + Setting.DATA_API_TLS_KEY.key() + " (--tls-key).");
        }
        if (selfSigned) {
            return Tls.selfSigned(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        }
        return null;
    }

    public boolean authenticationRequired() {
        return !accessKeys.isEmpty() || !apiKeys.isEmpty();
    }

    /**
     * Development mode from Slipway's settings ({@code slipway.url}, {@code slipway.user}, {@code slipway.password},
     * {@code slipway.data-api.*}), as the CLI and the runnable jar read them.
     *
     * @throws IllegalArgumentException naming the setting to fix
     */
    public static DataApiConfig fromSettings(Map<String, String> settings) {
        return fromSettings(settings, SecretReader.fromEnvironment(System.getenv()));
    }

    /**
     * As {@link #fromSettings(Map)}, reading the secrets of targets configured by their ARNs alone with {@code
     * secrets} (once here, to learn where the database is, and again after a refused login).
     */
    public static DataApiConfig fromSettings(Map<String, String> settings, SecretReader secrets) {
        String url = settings.get(Setting.URL.key());
        List<Target> targets = DataApiTargets.from(settings, secrets);
        if ((url == null || url.isBlank()) && targets.isEmpty()) {
            throw new IllegalArgumentException("The data proxy needs a database: set " + Setting.URL.env()
                    + " or pass --url (e.g. jdbc:postgresql://127.0.0.1:5432/app), or configure targets ("
                    + Setting.DATA_API_TARGET_RESOURCE_ARN.key() + " with " + Setting.DATA_API_TARGET_URL.key()
                    + " or " + Setting.DATA_API_TARGET_SECRET_JSON.key() + ").");
        }
        if (url == null || url.isBlank()) url = null;
        else Engine.fromJdbcUrl(url); // an unsupported URL fails here, with the schemes that work
        int port = parsePort(settings.getOrDefault(Setting.DATA_API_PORT.key(), "8080"));
        java.util.Map<String, String> access = new java.util.HashMap<>();
        for (String pair : list(settings.get(Setting.DATA_API_ACCESS_KEYS.key()))) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("An access key is ID:SECRET (got one without ':'; its value is not"
                        + " shown). Check " + Setting.DATA_API_ACCESS_KEYS.env() + " or --access-key.");
            }
            access.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        java.util.Set<String> apiKeys = new java.util.HashSet<>(list(settings.get(Setting.DATA_API_API_KEYS.key())));
        String bind = settings.getOrDefault(Setting.DATA_API_BIND.key(), "127.0.0.1");
        Target devTarget = url == null
                ? null
                : development(url, settings.get(Setting.USER.key()), settings.get(Setting.PASSWORD.key()), port)
                        .withDatabases(Set.copyOf(list(settings.get(Setting.DATA_API_DATABASES.key()))))
                        .development();
        DataApiLimits limits = new DataApiLimits(
                count(settings, Setting.DATA_API_MAX_CONNECTIONS_PER_KEY),
                count(settings, Setting.DATA_API_MAX_TRANSACTIONS_PER_KEY),
                DataApiLimits.DEFAULTS.headerTimeout(),
                DataApiLimits.DEFAULTS.bodyTimeout(),
                DataApiLimits.DEFAULTS.idleTimeout(),
                DataApiLimits.DEFAULTS.maxUnauthenticatedConnections());
        String region = blankToNull(settings.get(Setting.DATA_API_REGION.key()));
        List<Target> configured = devTarget == null ? targets : List.of();
        boolean loopback = bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
        if (!loopback && access.isEmpty() && apiKeys.isEmpty()) {
            throw new IllegalArgumentException("The data proxy would listen on " + bind + " with no authentication."
                    + " Give it keys (" + Setting.DATA_API_API_KEYS.env() + " / --api-key, or "
                    + Setting.DATA_API_ACCESS_KEYS.env() + " / --access-key), or listen on 127.0.0.1.");
        }
        java.security.KeyStore keys = tls(settings);
        int poolSize = count(settings, Setting.DATA_API_MAX_CONNECTIONS);
        return defaults(port)
                .with(f -> {
                    if (poolSize > 0) f.maxConnections = poolSize;
                    f.bindAddress = bind;
                    f.targets = configured;
                    f.development = devTarget;
                    f.tls = keys;
                    f.limits = limits;
                    f.region = region;
                })
                .withKeys(access, apiKeys);
    }

    /** Whether {@code settings} configure any target (then no --url is needed). */
    public static boolean configuresTargets(Map<String, String> settings) {
        return !DataApiTargets.names(settings).isEmpty();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A positive count setting; 0 when unset (the default applies). */
    private static int count(Map<String, String> settings, Setting setting) {
        String text = settings.get(setting.key());
        if (text == null || text.isBlank()) return 0;
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " (" + setting.env()
                    + ") must be a whole number of at least 1, not '" + text + "'.");
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The data proxy's port must be 0..65535, not '" + text + "'.");
        }
    }

    static List<String> list(String text) {
        if (text == null || text.isBlank()) return List.of();
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
