package dev.slipway.migrate;

import dev.slipway.core.DatabaseConnector;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTargetSource;
import dev.slipway.core.Engine;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.migrate.internal.DeployLock;
import dev.slipway.migrate.internal.EngineBehaviour;
import dev.slipway.migrate.internal.FlywayFactory;
import dev.slipway.migrate.internal.RunningMigration;
import dev.slipway.migrate.internal.StatusReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies Slipway migrations with Flyway: {@link #deploy()}, {@link #status()}, {@link #reset(ResetPermission)},
 * {@link #repair()}. Every command first waits for the database (see {@link DatabaseWaiter}). Concurrent deploys
 * are safe: Flyway serialises them with a database lock (PostgreSQL advisory lock, MySQL GET_LOCK), so one applies
 * and the others find nothing left to do.
 */
public final class Migrator {

    /** How long a deploy waits for another one on the same database to finish. */
    static final java.time.Duration LOCK_TIMEOUT = java.time.Duration.ofMinutes(15);

    private final DatabaseTargetSource source;
    private final MigrationsLocation location;
    private final DatabaseWaiter waiter;
    private final Consumer<String> progress;
    private java.time.Instant deadline;

    public Migrator(DatabaseTarget database, MigrationsLocation location, Consumer<String> progress) {
        this(DatabaseTargetSource.of(database), location, DatabaseWaiter.withProgress(progress), progress);
    }

    /**
     * A migrator whose target comes from {@code source}, e.g. a secret: when the database refuses the login, the
     * connector reads it again once (see {@link DatabaseConnector}).
     */
    public Migrator(DatabaseTargetSource source, MigrationsLocation location, Consumer<String> progress) {
        this(source, location, DatabaseWaiter.withProgress(progress), progress);
    }

    public Migrator(
            DatabaseTarget database, MigrationsLocation location, DatabaseWaiter waiter, Consumer<String> progress) {
        this(DatabaseTargetSource.of(database), location, waiter, progress);
    }

    private Migrator(
            DatabaseTargetSource source,
            MigrationsLocation location,
            DatabaseWaiter waiter,
            Consumer<String> progress) {
        this.source = source;
        DatabaseTarget database = source.current();
        this.location = location;
        this.waiter = waiter;
        this.progress = progress;
        if (location.missingDirectoryFor(database.engine())) {
            throw new MigrateException(
                    MigrateErrorCode.CONFIGURATION,
                    "No " + database.engine().id() + " migrations at " + location.forEngine(database.engine())
                            + ". Run 'slipway migrate dev --name init' to create them, or pass --migrations DIR.");
        }
    }

    private DatabaseTarget database() {
        return source.current();
    }

    public Engine engine() {
        return source.current().engine();
    }

    /**
     * Bounds the wait for another deploy's lock to {@code deadline} (a function's remaining time), so that a waiting
     * deploy fails with its reason while there is still time to answer, instead of being killed mid-wait.
     */
    public Migrator withDeadline(java.time.Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    private java.time.Duration lockWait() {
        if (deadline == null) return LOCK_TIMEOUT;
        java.time.Duration left = java.time.Duration.between(java.time.Instant.now(), deadline);
        if (left.compareTo(java.time.Duration.ofSeconds(1)) < 0) {
            throw new MigrateException(
                    MigrateErrorCode.UNREACHABLE,
                    "No time is left to wait for the deploy lock (the database took the time to answer). Raise the"
                            + " migration function's timeout (SlipwayMigrations.Props.withTimeout) and deploy again.");
        }
        return left.compareTo(LOCK_TIMEOUT) < 0 ? left : LOCK_TIMEOUT;
    }

    /** Applies every pending migration; a no-op when the database is up to date. */
    public DeployResult deploy() {
        // the connection that proves the database is up then holds the deploy lock: one connect fewer
        Connection connection = waiter.connect(source, source.current().connectTimeout());
        DatabaseTarget database = source.current();
        java.time.Duration lockWait;
        try {
            lockWait = lockWait();
        } catch (MigrateException e) {
            closeQuietly(connection);
            throw e;
        }
        try (DeployLock lock = DeployLock.acquire(connection, database.engine(), lockWait)) {
            progress.accept("Applying pending migrations to " + database);
            RunningMigration running = new RunningMigration();
            Flyway flyway = FlywayFactory.create(source, connection, location, false, running);
            MigrateResult result;
            try {
                result = flyway.migrate();
            } catch (FlywayException e) {
                SQLException lost = lostConnection(e);
                if (lost == null || running.unfinished() == null) throw e;
                throw cutOff(running, e);
            }
            List<String> applied =
                    result.migrations.stream().map(m -> m.version).toList();
            String from = result.initialSchemaVersion;
            String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : from;
            progress.accept(
                    applied.isEmpty()
                            ? "Database is up to date (version " + to + ")"
                            : "Applied " + applied.size() + " migration(s): " + String.join(", ", applied) + " (now at "
                                    + to + ")");
            return new DeployResult(applied, from, to);
        } catch (FlywayException e) {
            throw new MigrateException(MigrateErrorCode.MIGRATION_FAILED, failureMessage(e), e);
        } catch (SQLException e) {
            if (dev.slipway.core.SqlErrorKind.of(e) == dev.slipway.core.SqlErrorKind.LOCK_TIMEOUT) {
                throw new MigrateException(
                        MigrateErrorCode.MIGRATION_FAILED,
                        "Another deploy held the deploy lock for more than " + lockWait.toSeconds() + " s (as long as"
                                + " this deploy could wait). Check for a stuck deploy (pg_stat_activity) and retry.",
                        e);
            }
            throw new MigrateException(
                    MigrateErrorCode.MIGRATION_FAILED, "Could not take the deploy lock: " + e.getMessage(), e);
        }
    }

    /** Applied, pending, failed and drifted migrations, with the fix for each problem. */
    public MigrationStatus status() {
        return StatusReader.read(connect(false), database().engine());
    }

    /** Deletes every object in the schema, then deploys. Refused unless {@code permission} allows it. */
    public DeployResult reset(ResetPermission permission) {
        permission.require(database());
        progress.accept("Resetting " + database() + ": dropping every object in the schema");
        try {
            connect(true).clean();
        } catch (FlywayException e) {
            throw new MigrateException(MigrateErrorCode.MIGRATION_FAILED, "Reset failed: " + e.getMessage(), e);
        }
        return deploy();
    }

    /**
     * Records {@code version} as applied without running it, on a database that already holds what the migrations
     * up to it make (see {@link SchemaCheck#matchesMigrations}); deploy then continues after it. Flyway's own
     * baseline: refused where the database already has a migration history.
     */
    public void baseline(String version) {
        try {
            Flyway flyway = Flyway.configure()
                    .configuration(connect(false).getConfiguration())
                    .baselineVersion(version)
                    .baselineDescription("slipway baseline: the database already held V" + version)
                    .load();
            flyway.baseline();
            progress.accept("Recorded V" + version + " as applied on " + database() + " without running it");
        } catch (FlywayException e) {
            throw new MigrateException(MigrateErrorCode.MIGRATION_FAILED, "Baseline failed: " + e.getMessage(), e);
        }
    }

    /**
     * Removes failed entries from the history and realigns checksums with the files, so a fixed migration can run
     * again. On MySQL, undo by hand what a failed migration applied before its error first.
     */
    public void repair() {
        try {
            connect(false).repair();
            progress.accept("Repaired the migration history of " + database());
        } catch (FlywayException e) {
            throw new MigrateException(MigrateErrorCode.MIGRATION_FAILED, "Repair failed: " + e.getMessage(), e);
        }
    }

    /** Waits until the database accepts connections, then returns a configured Flyway. */
    Flyway connect(boolean allowClean) {
        try (Connection ignored = waiter.connect(source, source.current().connectTimeout())) {
            return FlywayFactory.create(source, location, allowClean);
        } catch (SQLException e) {
            throw new MigrateException(MigrateErrorCode.UNREACHABLE, "Cannot connect: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) { // the deploy fails for its own reason
        }
    }

    /** The database went away while a migration ran: say what that left behind, per engine. */
    private MigrateException cutOff(RunningMigration running, FlywayException e) {
        EngineBehaviour engine = EngineBehaviour.of(database().engine());
        String message = "The connection to " + database() + " was lost while " + running.unfinished() + " ran ("
                + lostConnection(e).getMessage() + ").\n"
                + engine.afterALostConnection(running.unfinished(), running.completedStatements());
        // PostgreSQL rolled it back: deploying again is safe, so it is a retryable outage; MySQL needs a person
        return new MigrateException(
                engine.rollsBackDdl() ? MigrateErrorCode.UNREACHABLE : MigrateErrorCode.MIGRATION_FAILED, message, e);
    }

    private static SQLException lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && dev.slipway.core.SqlErrorKind.of(sql) == dev.slipway.core.SqlErrorKind.CONNECTION_LOST)
                return sql;
        }
        return null;
    }

    private String failureMessage(FlywayException e) {
        String hint = EngineBehaviour.of(database().engine()).afterAFailedMigration();
        return "Migration failed on " + database() + ": " + withStatement(e).strip() + "\n" + hint;
    }

    /**
     * Flyway's message, with the failing statement where Flyway prints "Run Flyway with -X option ..." (advice for
     * its own command line, which a Slipway user does not run). The exception is Flyway internal API; without
     * it, the message stays as Flyway wrote it.
     */
    private static String withStatement(FlywayException e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException script
                    && script.getStatement() != null) {
                String statement = script.getStatement().strip().replace("\n", "\n             ");
                return message.replace(
                        org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException.STATEMENT_MESSAGE, statement);
            }
        }
        return message;
    }
}
