package dev.slipway.lambda.db;

import dev.slipway.core.DatabaseConnector;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockDataProvider;
import org.jooq.tools.jdbc.MockResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database connection per Lambda container: opened lazily on first use, checked with {@code isValid} before
 * reuse (a frozen container's connection may have been dropped by the server or a NAT), unless {@link
 * #withAliveBypass} lets a connection that answered a moment ago skip that round trip; reopened when broken. On an
 * authentication failure the credentials are fetched once more (the secret may have been rotated) and the connect
 * retried. One connection is right for Lambda: a container serves one request at a time.
 *
 * <p>Use {@link #dsl()} in handlers. A container serves one request at a time, so the only other thread is the
 * optional connect at init ({@link #connectInBackground}); the connection's state is guarded for that one.
 */
public final class LambdaDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaDatabase.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final CredentialsProvider credentials;
    private final Settings settings;
    private final SQLDialect engineHint;
    private Connection connection;
    private DSLContext connectionDsl; // on connection, built once per connection
    private volatile long lastAnswered; // System.nanoTime() of the connection's last answer
    private volatile boolean suspect; // a statement lost the connection: validate before the next use
    private volatile boolean refused; // a statement's login was refused: read the secret again, reconnect
    private volatile long aliveBypassNanos; // 0: validate before every use
    private SQLDialect dialect;
    private volatile boolean priming;
    private int connects;

    public LambdaDatabase(CredentialsProvider credentials) {
        this(credentials, new Settings());
    }

    public LambdaDatabase(CredentialsProvider credentials, Settings settings) {
        this(credentials, settings, null);
    }

    /** {@code engineHint}: the dialect before anything is connected or read ({@code SLIPWAY_ENGINE}), or null. */
    public LambdaDatabase(CredentialsProvider credentials, Settings settings, SQLDialect engineHint) {
        this.credentials = credentials;
        this.settings = settings;
        this.engineHint = engineHint;
    }

    /**
     * Configured from the function's environment: a secret ({@link SecretSource#forFunction}: the extension, and
     * Secrets Manager itself after a refusal or under SnapStart), or a JDBC URL.
     */
    public static LambdaDatabase fromEnvironment(Map<String, String> env) {
        String engine = env.get(dev.slipway.core.Setting.ENGINE.env());
        SQLDialect hint;
        try {
            hint = engine == null || engine.isBlank()
                    ? null
                    : LambdaDatabase.dialectOf(dev.slipway.core.Engine.parse(engine));
        } catch (IllegalArgumentException e) {
            throw new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.CONFIGURATION,
                    dev.slipway.core.Setting.ENGINE.env() + ": " + e.getMessage(),
                    e);
        }
        LambdaDatabase database = new LambdaDatabase(
                CredentialsProvider.fromEnvironment(env, SecretSource.forFunction(env)), new Settings(), hint);
        String bypass = env.get(dev.slipway.core.Setting.DB_ALIVE_BYPASS_MS.env());
        if (bypass != null && !bypass.isBlank()) {
            try {
                long ms = Long.parseLong(bypass.strip());
                if (ms < 0) throw new NumberFormatException();
                database.withAliveBypass(java.time.Duration.ofMillis(ms));
            } catch (NumberFormatException e) {
                throw new SlipwayLambdaException(
                        SlipwayLambdaException.Kind.CONFIGURATION,
                        dev.slipway.core.Setting.DB_ALIVE_BYPASS_MS.env() + " is a number of milliseconds (0 or"
                                + " more), not '" + bypass + "'.",
                        e);
            }
        }
        if ("on".equalsIgnoreCase(env.get(dev.slipway.core.Setting.CONNECT_AT_INIT.env()))) {
            database.connectInBackground();
        }
        return database;
    }

    /**
     * Uses the connection without {@code isValid} (a server round trip) while it answered a statement less than
     * {@code window} ago and no statement lost it since: HikariCP's {@code aliveBypassWindowMs}
     * ({@code SLIPWAY_DB_ALIVE_BYPASS_MS}). Off by default: a connection the server dropped within the window fails
     * the next request (as a 503 the client may retry) instead of being reopened first, and only the request after
     * that reconnects. Retrying the failed statement on a new connection would hide that, but could apply a write
     * twice when the connection broke after the server committed it, so Slipway does not.
     */
    public LambdaDatabase withAliveBypass(java.time.Duration window) {
        this.aliveBypassNanos = Math.max(0, window.toNanos());
        return this;
    }

    /**
     * Starts opening the connection (reading the secret first) on a daemon thread, so that it is open, or
     * nearly, when the first request asks for it: for a function without SnapStart, whose init runs right before
     * its first request ({@code SLIPWAY_CONNECT_AT_INIT=on}; the custom runtime sets it). Never before a SnapStart
     * snapshot: a snapshot must hold no connection and no secret. A failure here is only logged; the request
     * connects again and reports it.
     */
    public void connectInBackground() {
        Thread.ofPlatform().daemon().name("slipway-connect-at-init").start(() -> {
            try {
                connection();
            } catch (RuntimeException e) {
                LOG.debug("Connect at init failed; the first request connects again: {}", e.getMessage());
            }
        });
    }

    /** A jOOQ context on a connection that was valid a moment ago (while priming: on no database at all). */
    public DSLContext dsl() {
        if (priming) return DSL.using(new MockConnection(NO_ROWS), dialect(), settings);
        connection();
        synchronized (this) {
            return connectionDsl;
        }
    }

    /** Notes each answer of the connection, and a statement that lost it (the next use validates then). */
    private final class Answers implements org.jooq.ExecuteListener {
        @Override
        public void executeEnd(org.jooq.ExecuteContext ctx) {
            lastAnswered = System.nanoTime();
        }

        @Override
        public void exception(org.jooq.ExecuteContext ctx) {
            for (Throwable t = ctx.exception(); t != null; t = t.getCause()) {
                if (!(t instanceof SQLException e)) continue;
                switch (dev.slipway.core.SqlErrorKind.of(e)) {
                    case CONNECTION_LOST -> suspect = true;
                    // a statement refused for its login: over the Data API the key is checked per call, not at
                    // connect, so a rotated key shows here; the next use reads the secret again and reconnects
                    case AUTHENTICATION -> refused = true;
                    default -> {
                        continue;
                    }
                }
                return;
            }
        }
    }

    /** Answers every statement with no rows (and updates with 0): what priming's queries run against. */
    private static final MockDataProvider NO_ROWS = context ->
            new MockResult[] {new MockResult(0, DSL.using(SQLDialect.DEFAULT).newResult())};

    /**
     * Runs {@code work} with {@link #dsl()} on a jOOQ {@code MockConnection} that answers every statement with no
     * rows: the request path (rendering, binding, execution, result mapping) runs and loads its classes at init,
     * before a SnapStart snapshot, without a database, a secret or a connection in the snapshot.
     */
    public <T> T whilePriming(java.util.function.Supplier<T> work) {
        priming = true;
        try {
            return work.get();
        } finally {
            priming = false;
        }
    }

    /** The container's connection, (re)opened and validated as described on the class. */
    public synchronized Connection connection() {
        if (refused) {
            refused = false;
            LOG.warn("A statement's credentials were refused; reading the secret again (it may have been rotated)");
            credentials.markStale();
            closeQuietly();
        }
        try {
            if (connection != null && !connection.isClosed()) {
                if (!suspect && System.nanoTime() - lastAnswered < aliveBypassNanos) return connection;
                if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    answered();
                    return connection;
                }
            }
        } catch (SQLException e) {
            LOG.warn("Connection check failed ({}); reconnecting", e.getSQLState());
        }
        closeQuietly();
        connection = open();
        connectionDsl = DSL.using(new org.jooq.impl.DefaultConfiguration()
                .set(connection)
                .set(dialect)
                .set(settings)
                .set(new org.jooq.impl.DefaultExecuteListenerProvider(new Answers())));
        answered();
        return connection;
    }

    private void answered() {
        lastAnswered = System.nanoTime();
        suspect = false;
    }

    /** Opens through the connector, which reads the secret again once when the database refuses the login. */
    private Connection open() {
        try {
            Connection c = DatabaseConnector.open(credentials, null);
            DatabaseTarget target = credentials.get();
            dialect = dialectOf(target.engine());
            connects++;
            LOG.debug("Connected to {}", target);
            return c;
        } catch (SQLException e) {
            throw cannotConnect(credentials.get(), e);
        }
    }

    /** How many connections this container opened (for tests and logs). */
    public int connectCount() {
        return connects;
    }

    public CredentialsProvider credentials() {
        return credentials;
    }

    /**
     * The dialect of the configured database: of the connection once there is one, else {@code SLIPWAY_ENGINE}'s,
     * else the credentials' (which may read the secret). Priming at init asks for it: with {@code SLIPWAY_ENGINE}
     * set, nothing is read from the secret before a SnapStart snapshot.
     */
    public SQLDialect dialect() {
        if (dialect != null) return dialect;
        return engineHint != null ? engineHint : dialectOf(credentials.get().engine());
    }

    /** The jOOQ dialect of {@code engine}. */
    public static SQLDialect dialectOf(dev.slipway.core.Engine engine) {
        return SQLDialect.valueOf(engine.jooqDialect());
    }

    /** Closes the connection (before a SnapStart checkpoint, or at shutdown); the next use reconnects. */
    @Override
    public void close() {
        closeQuietly();
    }

    private synchronized void closeQuietly() {
        connectionDsl = null;
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Ignoring an error while closing a connection: {}", e.getSQLState());
        }
        connection = null;
    }

    private static SlipwayLambdaException cannotConnect(DatabaseTarget creds, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState(); // shown in the messages
        dev.slipway.core.SqlErrorKind kind = dev.slipway.core.SqlErrorKind.of(e);
        if (kind == dev.slipway.core.SqlErrorKind.AUTHENTICATION) {
            return new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.AUTHENTICATION,
                    "The database at " + creds + " refused the credentials, also after reading the secret again"
                            + " (SQL state " + state + "). Check the secret's username and password, and that the"
                            + " user may connect from this function.",
                    e);
        }
        if (kind == dev.slipway.core.SqlErrorKind.ACCESS_DENIED) {
            return new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.CONFIGURATION,
                    "The database accepted " + creds + " but refused it the database (SQL state " + state + "):"
                            + " grant the user access to it (GRANT ... ON db.* / GRANT CONNECT ON DATABASE).",
                    e);
        }
        if (kind == dev.slipway.core.SqlErrorKind.UNKNOWN_DATABASE) {
            return new SlipwayLambdaException(
                    SlipwayLambdaException.Kind.CONFIGURATION,
                    "The database of " + creds + " does not exist (SQL state " + state + "). Check the secret's"
                            + " dbname or " + dev.slipway.core.Setting.DB_NAME.env() + ", and that migrations ran.",
                    e);
        }
        return new SlipwayLambdaException(
                SlipwayLambdaException.Kind.UNREACHABLE,
                "Cannot connect to " + creds + " (SQL state " + state + "): " + e.getMessage()
                        + ". Check the security group allows this function, and the secret's host/port.",
                e);
    }
}
