package dev.slipway.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every Slipway setting, in one place: its key (as in {@code slipway.properties}), the environment variable that
 * mirrors it (upper-cased, dots as underscores: {@code slipway.url} is {@code SLIPWAY_URL}), its command-line flag
 * and its default. The CLI, the functions, the local stack and the CDK constructs read names from here; the README's
 * configuration table is checked against it by a test. What a setting means is said there and in the comment on its
 * constant, not in a string: this enum is in every function zip, and the strings cost 8 KB there.
 *
 * <p>A key with {@code NAME} in it is a family: {@code slipway.function.NAME.handler} is one setting per function
 * ({@link #key(String)}); its variable spells the name upper-case, {@code -} as {@code _}.
 */
public enum Setting {
    /** JDBC URL. */
    URL(Group.ESSENTIALS, "slipway.url", "--url", null, "embedded dev PostgreSQL", true),
    /** Database user. */
    USER(Group.ESSENTIALS, "slipway.user", "--user", null, null, true),
    /** Password; never logged. */
    PASSWORD(Group.ESSENTIALS, "slipway.password", "--password", null, "empty", true),

    /** The desired-state schema. */
    SCHEMA(Group.FREQUENT, "slipway.schema", "--schema", "schema.sql", null, false),
    /** Directory with postgresql/ and mysql/; in the migration function a location, default classpath:migrations. */
    MIGRATIONS(Group.FREQUENT, "slipway.migrations", "--migrations", "migrations", null, true),
    /** {@code postgresql} or {@code mysql}; in a function, the engine before its secret is read (the CDK constructs set it). */
    ENGINE(Group.FREQUENT, "slipway.engine", "--engine", null, "from the URL", true),
    /** The engines the project's migrations are for; postgresql alone lifts the refusals only MySQL needs. */
    ENGINES(Group.FREQUENT, "slipway.engines", "--engines", "postgresql,mysql", null, false),
    /** How long to wait for a database that is not up yet. */
    CONNECT_TIMEOUT_SECONDS(Group.FREQUENT, "slipway.connect.timeout.seconds", "--connect-timeout", "30", null, false),

    /** An RDS secret JSON instead of url/user/password. */
    DB_SECRET_JSON(Group.RARE, "slipway.db.secret.json", null, null, null, false),
    /** Lets reset delete all data. */
    ALLOW_RESET(Group.RARE, "slipway.allow.reset", "--i-understand-this-deletes-all-data", "false", null, true),
    /**
     * The OIDC issuer of the tokens auth=jwt routes accept (e.g. a Cognito user pool's URL): up fetches its JWKS, the
     * CDK HTTP API's JWT authorizer checks it.
     */
    JWT_ISSUER(Group.RARE, "slipway.jwt.issuer", null, null, "up's development issuer", false),
    /** The audience (aud, or a Cognito access token's client_id) the tokens of auth=jwt routes must be for. */
    JWT_AUDIENCE(Group.RARE, "slipway.jwt.audience", null, "slipway-api", null, false),
    /** Where the embedded dev PostgreSQL keeps its data. */
    DEV_DATA_DIR(Group.RARE, "slipway.dev.data.dir", null, ".slipway/postgres", null, false),
    /** The routes file (up). */
    ROUTES(Group.RARE, "slipway.routes", null, "routes", null, false),
    /** A function's handler (up, invoke). */
    FUNCTION_HANDLER(Group.RARE, "slipway.function.NAME.handler", null, null, null, false),
    /** A function's Lambda zip (up, invoke). */
    FUNCTION_ARTIFACT(Group.RARE, "slipway.function.NAME.artifact", null, null, null, false),
    /** A function's custom runtime layer (slipway runtime-layer): up and invoke run it on that, as on AWS. */
    FUNCTION_RUNTIME_LAYER(Group.RARE, "slipway.function.NAME.runtime-layer", null, null, null, false),
    /** Which function up runs as the migration custom resource. */
    MIGRATIONS_FUNCTION(Group.RARE, "slipway.migrations.function", null, "migrations", null, false),
    /** A line up prints under Try:. */
    UP_TRY(Group.RARE, "slipway.up.try.NAME", null, null, null, false),
    /** Any value: the CLI prints an error's stack trace. */
    DEBUG(Group.RARE, "slipway.debug", null, null, null, false),
    /** The cluster ARN of a data proxy target. */
    DATA_API_TARGET_RESOURCE_ARN(Group.RARE, "slipway.data-api.target.NAME.resource-arn", null, null, null, false),
    /**
     * The secret ARN of a data proxy target (any when unset); alone, without url or secret-json, the proxy reads the
     * target's login from it in Secrets Manager, and again when the database refuses it.
     */
    DATA_API_TARGET_SECRET_ARN(Group.RARE, "slipway.data-api.target.NAME.secret-arn", null, null, null, false),
    /** A data proxy target's JDBC URL. */
    DATA_API_TARGET_URL(Group.RARE, "slipway.data-api.target.NAME.url", null, null, null, false),
    /** A data proxy target's database user. */
    DATA_API_TARGET_USER(Group.RARE, "slipway.data-api.target.NAME.user", null, null, null, false),
    /** A data proxy target's password. */
    DATA_API_TARGET_PASSWORD(Group.RARE, "slipway.data-api.target.NAME.password", null, null, null, false),
    /** A data proxy target as an RDS secret JSON instead of url/user/password. */
    DATA_API_TARGET_SECRET_JSON(Group.RARE, "slipway.data-api.target.NAME.secret-json", null, null, null, false),
    /**
     * More databases a data proxy target serves (comma-separated, * a wildcard); requests naming others are refused.
     */
    DATA_API_TARGET_DATABASES(
            Group.RARE, "slipway.data-api.target.NAME.databases", null, null, "its URL's only", false),
    /** More databases the data proxy serves in development mode (comma-separated, * a wildcard). */
    DATA_API_DATABASES(
            Group.RARE, "slipway.data-api.databases", "--database", null, "the URL's and slipway_check_*", false),
    /** The data proxy's pool size per database (per process: several tasks multiply it). */
    DATA_API_MAX_CONNECTIONS(Group.RARE, "slipway.data-api.max-connections", null, "10", null, false),
    /** Connections of one database's pool one API or access key may hold at once. */
    DATA_API_MAX_CONNECTIONS_PER_KEY(
            Group.RARE, "slipway.data-api.max-connections-per-key", null, null, "the pool size", false),
    /** Open Data API transactions one API or access key may hold at once. */
    DATA_API_MAX_TRANSACTIONS_PER_KEY(
            Group.RARE, "slipway.data-api.max-transactions-per-key", null, null, "half the pool", false),
    /** The region SigV4 signatures must be scoped to. */
    DATA_API_REGION(Group.RARE, "slipway.data-api.region", "--region", null, "the targets' ARN region", false),
    /** A PEM certificate chain: the data proxy serves HTTPS. */
    DATA_API_TLS_CERT(Group.RARE, "slipway.data-api.tls.cert", "--tls-cert", null, null, false),
    /** Its unencrypted PKCS#8 PEM key. */
    DATA_API_TLS_KEY(Group.RARE, "slipway.data-api.tls.key", "--tls-key", null, null, false),
    /** Serve HTTPS with a new self-signed certificate for localhost (development). */
    DATA_API_TLS_SELF_SIGNED(Group.RARE, "slipway.data-api.tls.self-signed", "--tls-self-signed", "false", null, false),
    /** The data proxy's port. */
    DATA_API_PORT(Group.RARE, "slipway.data-api.port", "--port", "8080", null, false),
    /** The address the data proxy listens on (0.0.0.0 in a container). */
    DATA_API_BIND(Group.RARE, "slipway.data-api.bind", "--bind", "127.0.0.1", null, false),
    /** ID:SECRET pairs, comma-separated: SigV4 keys the data proxy accepts. */
    DATA_API_ACCESS_KEYS(Group.RARE, "slipway.data-api.access-keys", "--access-key", null, null, false),
    /** API keys, comma-separated, the data proxy accepts (x-api-key or Authorization: Bearer). */
    DATA_API_API_KEYS(Group.RARE, "slipway.data-api.api-keys", "--api-key", null, null, false),

    /** The Secrets Manager secret holding the RDS secret JSON (set by the CDK constructs). */
    DB_SECRET_ARN(Group.FUNCTIONS, "slipway.db.secret.arn", null, null, null, true),
    /** Overrides the secret's dbname. */
    DB_NAME(Group.FUNCTIONS, "slipway.db.name", null, null, "the secret's dbname", true),
    /** The data proxy's URL, for a Data API client's endpointOverride (set by slipway up). */
    DATA_API_ENDPOINT(Group.FUNCTIONS, "slipway.data-api.endpoint", null, null, null, true),
    /** An API key the data proxy accepts, sent as x-api-key (set by slipway up). */
    DATA_API_KEY(Group.FUNCTIONS, "slipway.data-api.key", null, null, null, true),
    /**
     * A secret holding an API key of the data proxy ({"apiKey":...}), which the function reads once per container and
     * sends with SLIPWAY_URL's requests (set by the CDK's SlipwayDataApiService).
     */
    DATA_API_KEY_SECRET_ARN(Group.FUNCTIONS, "slipway.data-api.key.secret-arn", null, null, null, true),
    /**
     * A connection that answered less than this many ms ago is used without isValid (HikariCP's aliveBypassWindowMs);
     * 0 validates before every request.
     */
    DB_ALIVE_BYPASS_MS(Group.FUNCTIONS, "slipway.db.alive-bypass-ms", null, "0", null, true),
    /** Overrides the secret's host (the CDK constructs set the RDS Proxy endpoint). */
    DB_HOST(Group.FUNCTIONS, "slipway.db.host", null, null, "the secret's host", true),
    /**
     * TLS to the database of a secret: auto (verified against the RDS CAs for *.rds.amazonaws.com hosts), verify-full
     * (every host) or off.
     */
    DB_TLS(Group.FUNCTIONS, "slipway.db.tls", null, "auto", null, true),
    /** A PEM file of the CAs to verify the database's certificate against. */
    DB_CA_FILE(Group.FUNCTIONS, "slipway.db.ca.file", null, null, "the RDS CA bundle", true),
    /**
     * Routes: an API function sends one request to each of its routes at init, on no database (SnapStart snapshots it
     * warm); off: it does not.
     */
    PRIMING(Group.FUNCTIONS, "slipway.priming", null, "routes", null, true),
    /**
     * On: a function opens its database connection on a background thread at init, while the rest of init runs (a
     * function without SnapStart, whose init comes just before its first request); off: at its first request.
     */
    CONNECT_AT_INIT(Group.FUNCTIONS, "slipway.connect-at-init", null, "off", null, true),
    /**
     * The ECS cluster of the migration task; when set, the migration function starts the task (set by
     * SlipwayMigrations in task mode).
     */
    TASK_CLUSTER(Group.FUNCTIONS, "slipway.task.cluster", null, null, null, true),
    /** The migration task's definition ARN. */
    TASK_DEFINITION(Group.FUNCTIONS, "slipway.task.definition", null, null, null, true),
    /** The task's subnets, comma-separated. */
    TASK_SUBNETS(Group.FUNCTIONS, "slipway.task.subnets", null, null, null, true),
    /** The task's security groups, comma-separated. */
    TASK_SECURITY_GROUPS(Group.FUNCTIONS, "slipway.task.security.groups", null, null, null, true),
    /** The name of the task's container. */
    TASK_CONTAINER(Group.FUNCTIONS, "slipway.task.container", null, "migrations", null, true),
    /** The task's CloudWatch log group, named in failures. */
    TASK_LOG_GROUP(Group.FUNCTIONS, "slipway.task.log.group", null, null, null, true),
    /** How long the migration task may wait for the database (the Provider gives up after 2 hours). */
    TASK_TIMEOUT_MINUTES(Group.FUNCTIONS, "slipway.task.timeout.minutes", null, "115", null, true);

    /** Where a setting is read, as the README groups them. */
    public enum Group {
        ESSENTIALS,
        FREQUENT,
        RARE,
        /** Read inside Lambda functions, from their environment. */
        FUNCTIONS
    }

    private final Group group;
    private final String key;
    private final String flag;
    private final String literalDefault;
    private final String describedDefault;
    private final boolean readByFunctions;

    Setting(
            Group group,
            String key,
            String flag,
            String literalDefault,
            String describedDefault,
            boolean readByFunctions) {
        this.group = group;
        this.key = key;
        this.flag = flag;
        this.literalDefault = literalDefault;
        this.describedDefault = describedDefault;
        this.readByFunctions = readByFunctions;
    }

    public Group group() {
        return group;
    }

    /** The key, e.g. {@code slipway.url}; a family's key has {@code NAME} in it. */
    public String key() {
        return key;
    }

    /** The key of one member of a family, e.g. {@code key("api")} is {@code slipway.function.api.handler}. */
    public String key(String name) {
        requireFamily();
        return key.replace("NAME", name);
    }

    /** The environment variable, e.g. {@code SLIPWAY_URL}; a family's has {@code NAME} in it. */
    public String env() {
        return toEnv(key);
    }

    /** The command-line flag, if the CLI has one. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** The value the code uses when the setting is not set, if it has one. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(literalDefault);
    }

    /** The default as the README states it: the value, or words such as "from the URL"; empty when none. */
    public Optional<String> documentedDefault() {
        if (describedDefault != null) return Optional.of(describedDefault);
        return Optional.ofNullable(literalDefault).map(v -> "`" + v + "`");
    }

    /** Whether Slipway's Lambda functions read it from their environment. */
    public boolean readByFunctions() {
        return readByFunctions;
    }

    public boolean isFamily() {
        return key.contains("NAME");
    }

    /** The value of this (plain) setting in an environment, if it is set and not blank. */
    public Optional<String> in(java.util.Map<String, String> env) {
        String value = env.get(env());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The setting whose key is {@code key}, members of families included. */
    public static Optional<Setting> forKey(String key) {
        return Arrays.stream(values())
                .filter(s -> s.isFamily() ? s.matchesFamily(key) : s.key.equals(key))
                .findFirst();
    }

    /**
     * The key an environment variable stands for, members of families included ({@code SLIPWAY_FUNCTION_API_HANDLER}
     * is {@code slipway.function.api.handler}; {@code _} in the name becomes {@code -}).
     */
    public static Optional<String> keyForEnv(String variable) {
        for (Setting s : values()) {
            if (!s.isFamily()) {
                if (s.env().equals(variable)) return Optional.of(s.key);
                continue;
            }
            Optional<String> name = between(s.env(), variable);
            if (name.isPresent())
                return Optional.of(s.key(name.get().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return Optional.empty();
    }

    /** Every setting of a group, in declaration order. */
    public static List<Setting> of(Group group) {
        return Arrays.stream(values()).filter(s -> s.group == group).toList();
    }

    private boolean matchesFamily(String candidate) {
        return nameIn(candidate).isPresent();
    }

    /** The {@code NAME} of a member of this family, e.g. {@code api} for {@code slipway.function.api.handler}. */
    public Optional<String> nameIn(String candidateKey) {
        requireFamily();
        return between(key, candidateKey);
    }

    /** What stands for {@code NAME} in {@code candidate} when it has the pattern's text around it. */
    private static Optional<String> between(String pattern, String candidate) {
        String[] around = pattern.split("NAME", -1);
        boolean fits = candidate.startsWith(around[0])
                && candidate.endsWith(around[1])
                && candidate.length() > around[0].length() + around[1].length();
        return fits
                ? Optional.of(candidate.substring(around[0].length(), candidate.length() - around[1].length()))
                : Optional.empty();
    }

    private void requireFamily() {
        if (!isFamily()) throw new IllegalStateException(key + " is one setting, not a family");
    }

    private static String toEnv(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
