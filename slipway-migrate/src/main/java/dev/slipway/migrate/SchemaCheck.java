package dev.slipway.migrate;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import dev.slipway.core.JdbcUrls;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.migrate.internal.DatabaseSnapshot;
import dev.slipway.migrate.internal.EngineBehaviour;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.SchemaDiff;
import dev.slipway.schema.SchemaReader;
import dev.slipway.schema.SqlStatements;
import dev.slipway.schema.model.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Verifies that the migrations yield exactly {@code schema.sql}, so CI catches a schema change committed without
 * its migration. First without a database (jOOQ replays the scripts), then on a real one: the migrations are
 * applied to one scratch database, schema.sql to another, and their structures compared.
 */
public final class SchemaCheck {

    private final Path schemaFile;
    private final Path migrationsRoot;
    private final java.util.Set<Engine> engines;

    public SchemaCheck(Path schemaFile, Path migrationsRoot) {
        this(schemaFile, migrationsRoot, Engine.BOTH);
    }

    /** A check of a project whose migrations are for {@code engines} ({@code slipway.engines}). */
    public SchemaCheck(Path schemaFile, Path migrationsRoot, java.util.Set<Engine> engines) {
        this.schemaFile = schemaFile;
        this.migrationsRoot = migrationsRoot;
        this.engines = engines;
    }

    /** The check without a database: the changes schema.sql has that no migration makes yet. */
    public CheckResult offline() {
        MigrationGenerator generator = new MigrationGenerator(schemaFile, migrationsRoot, engines);
        List<SchemaChange> pending = generator.pendingChanges();
        List<String> mysqlUpgrades = generator.mysqlUpgrades();
        if (pending.isEmpty() && mysqlUpgrades.isEmpty()) return CheckResult.ok();
        List<String> differences = new ArrayList<>();
        MigrationGenerator.render(Engine.POSTGRESQL, pending)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("--"))
                .forEach(l -> differences.add("missing from the migrations: " + l));
        mysqlUpgrades.stream()
                .filter(l -> l.contains(" modify column "))
                .forEach(l -> differences.add("missing from the MySQL migrations (written by an older Slipway): " + l));
        return new CheckResult(
                differences,
                "schema.sql changed without a migration. Run 'slipway migrate dev --name <what_changed>' and commit"
                        + " the new files.");
    }

    /** The full check on the server of {@code server}: scratch databases are created there and dropped after. */
    public CheckResult onDatabase(DatabaseTarget server, Consumer<String> progress) {
        if (!engines.contains(server.engine())) {
            throw new MigrateException(
                    MigrateErrorCode.CHECK_FAILED,
                    "This project's migrations are for "
                            + String.join(",", engines.stream().map(Engine::id).toList())
                            + " (slipway.engines), not for " + server.engine().id() + ". Check on a "
                            + engines.iterator().next().id() + " server, or add "
                            + server.engine().id()
                            + " to slipway.engines.");
        }
        CheckResult offline = offline();
        if (!offline.passed()) return offline;
        return onScratchDatabases(server, progress, List.of("m", "s"), (waiter, scratch) -> {
            applyMigrations(server.withDatabase(scratch.get(0)), progress);
            progress.accept("Applying schema.sql to scratch database " + scratch.get(1));
            applySchema(waiter, server.withDatabase(scratch.get(1)));
            return compare(
                    waiter,
                    server,
                    scratch.get(0),
                    scratch.get(1),
                    "schema.sql",
                    "A hand-written migration does something schema.sql does not say (or the reverse). Make"
                            + " schema.sql describe the result, or add a migration that gets there.");
        });
    }

    /**
     * Whether {@code target}, a live database, holds exactly what the migrations make: they are applied to a scratch
     * database on the same server and the two structures compared (what {@code migrate baseline} requires).
     */
    public CheckResult matchesMigrations(DatabaseTarget target, Consumer<String> progress) {
        return onScratchDatabases(target, progress, List.of("b"), (waiter, scratch) -> {
            applyMigrations(target.withDatabase(scratch.get(0)), progress);
            return compare(
                    waiter,
                    target,
                    scratch.get(0),
                    JdbcUrls.database(target.url()),
                    "the database",
                    "The database is not what the migrations make: pull schema.sql from it again (slipway schema"
                            + " pull --force) and write V1 anew, or change the database first.");
        });
    }

    /** What runs while the scratch databases exist; {@code scratch} holds their names, in the order asked for. */
    @FunctionalInterface
    private interface ScratchWork {
        CheckResult run(DatabaseWaiter waiter, List<String> scratch) throws SQLException;
    }

    /** Creates one scratch database per suffix on {@code server}, runs {@code work}, and drops them again. */
    private static CheckResult onScratchDatabases(
            DatabaseTarget server, Consumer<String> progress, List<String> suffixes, ScratchWork work) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> scratch = suffixes.stream()
                .map(suffix -> "slipway_check_" + id + "_" + suffix)
                .toList();
        DatabaseWaiter waiter = DatabaseWaiter.withProgress(progress);
        try (Connection admin = waiter.connect(server)) {
            for (String name : scratch) execute(admin, "create database " + name);
            try {
                return work.run(waiter, scratch);
            } finally {
                EngineBehaviour behaviour = EngineBehaviour.of(server.engine());
                for (String name : scratch) execute(admin, behaviour.dropDatabase(name));
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    MigrateErrorCode.CHECK_FAILED,
                    "Cannot create scratch databases on " + server + ": " + e.getMessage()
                            + ". The check needs a user allowed to CREATE DATABASE.",
                    e);
        }
    }

    private void applyMigrations(DatabaseTarget scratch, Consumer<String> progress) {
        progress.accept("Applying the migrations to scratch database " + JdbcUrls.database(scratch.url()));
        new Migrator(scratch, MigrationsLocation.directory(migrationsRoot), progress).deploy();
    }

    private void applySchema(DatabaseWaiter waiter, DatabaseTarget target) throws SQLException {
        Schema desired = SchemaReader.read(schemaFile, engines);
        String script = MigrationGenerator.render(target.engine(), SchemaDiff.between(Schema.EMPTY, desired));
        try (Connection c = waiter.connect(target)) {
            for (SqlStatements.Statement statement : SqlStatements.split(script)) {
                execute(c, statement.sql());
            }
        }
    }

    /**
     * Compares the database {@code migrated} with {@code other} on {@code server}, line by line; a difference names
     * the side that has it ({@code otherName} for the second).
     */
    private static CheckResult compare(
            DatabaseWaiter waiter, DatabaseTarget server, String migrated, String other, String otherName, String fix)
            throws SQLException {
        List<String> a;
        List<String> b;
        try (Connection c = waiter.connect(server.withDatabase(migrated))) {
            a = DatabaseSnapshot.of(c, server.engine());
        }
        try (Connection c = waiter.connect(server.withDatabase(other))) {
            b = DatabaseSnapshot.of(c, server.engine());
        }
        List<String> differences = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> differences.add("only the migrations have: " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> differences.add("only " + otherName + " has: " + l));
        return differences.isEmpty() ? CheckResult.ok() : new CheckResult(differences, fix);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
