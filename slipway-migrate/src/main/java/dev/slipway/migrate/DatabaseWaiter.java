package dev.slipway.migrate;

import dev.slipway.core.DatabaseConnector;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTargetSource;
import dev.slipway.core.JdbcUrls;
import dev.slipway.core.Setting;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.migrate.internal.PinnedSessions;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Opens a connection, retrying with bounded exponential backoff (250 ms doubling to 5 s) while the database is
 * not accepting connections yet, until a deadline. Aurora Serverless v2 takes about 15 s to wake from zero.
 * Wrong credentials or an unknown database fail at once: waiting would not help.
 */
public final class DatabaseWaiter {

    /** Sleeps; a seam so tests need not wait for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_ATTEMPT = Duration.ofSeconds(10);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    public DatabaseWaiter(Clock clock, Sleeper sleeper, Consumer<String> progress) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /** A waiter on the real clock that reports progress to {@code progress}. */
    public static DatabaseWaiter withProgress(Consumer<String> progress) {
        return new DatabaseWaiter(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), progress);
    }

    /** Connects within {@code config.connectTimeout()}; see the class comment. */
    public Connection connect(DatabaseTarget config) {
        return connect(config, config.connectTimeout());
    }

    public Connection connect(DatabaseTarget config, Duration budget) {
        return connect(DatabaseTargetSource.of(config), budget);
    }

    /**
     * Connects within {@code budget} to the source's target; a refused login is read again from the source once (by
     * {@link DatabaseConnector}) before it fails.
     */
    public Connection connect(DatabaseTargetSource source, Duration budget) {
        Instant deadline = clock.instant().plus(budget);
        Duration delay = FIRST_DELAY;
        int attempts = 0;
        while (true) {
            attempts++;
            Duration remaining = Duration.between(clock.instant(), deadline);
            Duration attempt = remaining.compareTo(MAX_ATTEMPT) < 0 ? remaining : MAX_ATTEMPT;
            try {
                return DatabaseConnector.open(source, attempt, PinnedSessions.of(source.current()));
            } catch (SQLException e) {
                DatabaseTarget config = source.current();
                failUnlessRetryable(config, e);
                remaining = Duration.between(clock.instant(), deadline);
                if (remaining.compareTo(delay) < 0) {
                    throw new MigrateException(
                            MigrateErrorCode.UNREACHABLE,
                            "The database at " + JdbcUrls.mask(config.url()) + " did not accept connections within "
                                    + budget.toSeconds() + " s (" + attempts + " attempts; last error: "
                                    + rootMessage(e) + "). Check host, port and network access (security groups,"
                                    + " VPC), that the server is running, or allow more time with "
                                    + Setting.CONNECT_TIMEOUT_SECONDS.env() + ".",
                            e);
                }
                progress.accept("Waiting for the database (" + rootMessage(e) + "); retrying in " + delay.toMillis()
                        + " ms, " + remaining.toSeconds() + " s left");
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException(MigrateErrorCode.UNREACHABLE, "Interrupted while waiting for the database.", e);
        }
    }

    private static void failUnlessRetryable(DatabaseTarget config, SQLException e) {
        dev.slipway.core.SqlErrorKind kind = dev.slipway.core.SqlErrorKind.of(e);
        if (kind == dev.slipway.core.SqlErrorKind.AUTHENTICATION) {
            throw new MigrateException(
                    MigrateErrorCode.ofConnectFailure(kind),
                    "The database at " + JdbcUrls.mask(config.url()) + " refused user '" + config.user() + "': "
                            + e.getMessage() + ". Check the user and password (or the secret they come from).",
                    e);
        }
        if (kind == dev.slipway.core.SqlErrorKind.UNKNOWN_DATABASE) {
            throw new MigrateException(
                    MigrateErrorCode.ofConnectFailure(kind),
                    "The database '" + JdbcUrls.database(config.url()) + "' does not exist on that server. Create"
                            + " it (CREATE DATABASE " + JdbcUrls.database(config.url()) + ") or fix the URL.",
                    e);
        }
        if (kind == dev.slipway.core.SqlErrorKind.ACCESS_DENIED) {
            throw new MigrateException(
                    MigrateErrorCode.ofConnectFailure(kind),
                    "The database at " + JdbcUrls.mask(config.url()) + " accepted user '" + config.user()
                            + "' but refused it the database: " + e.getMessage() + ". Grant it (GRANT CONNECT ON"
                            + " DATABASE / GRANT ... ON db.*).",
                    e);
        }
        boolean retryable = kind.retryable() || hasNetworkCause(e);
        if (!retryable) {
            throw new MigrateException(
                    MigrateErrorCode.UNREACHABLE,
                    "Cannot connect to " + JdbcUrls.mask(config.url()) + ": " + e.getMessage(),
                    e);
        }
    }

    private static boolean hasNetworkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof java.io.EOFException) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
