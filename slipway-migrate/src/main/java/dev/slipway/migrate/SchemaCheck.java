package dev.slipway.migrate;

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

    public SchemaCheck(Path schemaFile, Path migrationsRoot) {
        this.schemaFile = schemaFile;
        this.migrationsRoot = migrationsRoot;
    }

    /** The check without a database: the changes schema.sql has that no migration makes yet. */
    public CheckResult offline() {
        MigrationGenerator generator = new MigrationGenerator(schemaFile, migrationsRoot);
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
    public CheckResult onDatabase(DatabaseConfig server, Consumer<String> progress) {
        CheckResult offline = offline();
        if (!offline.passed()) return offline;
        Engine engine = server.engine();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String fromMigrations = "slipway_check_" + suffix + "_m";
        String fromSchema = "slipway_check_" + suffix + "_s";
        DatabaseWaiter waiter = DatabaseWaiter.withProgress(progress);
        try (Connection admin = waiter.connect(server)) {
            execute(admin, "create database " + fromMigrations);
            execute(admin, "create database " + fromSchema);
            try {
                progress.accept("Applying the migrations to scratch database " + fromMigrations);
                new Migrator(
                                server.withDatabase(fromMigrations),
                                MigrationsLocation.directory(migrationsRoot),
                                progress)
                        .deploy();
                progress.accept("Applying schema.sql to scratch database " + fromSchema);
                applySchema(waiter, server.withDatabase(fromSchema));
                return compare(waiter, server, fromMigrations, fromSchema);
            } finally {
                EngineBehaviour behaviour = EngineBehaviour.of(engine);
                execute(admin, behaviour.dropDatabase(fromMigrations));
                execute(admin, behaviour.dropDatabase(fromSchema));
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    MigrateErrorCode.CHECK_FAILED,
                    "Cannot create scratch databases on " + server + ": " + e.getMessage()
                            + ". The check needs a user allowed to CREATE DATABASE.",
                    e);
        }
    }

    /**
     * Whether {@code target}, a live database, holds exactly what the migrations make: they are applied to a scratch
     * database on the same server and the two structures compared (what {@code migrate baseline} requires).
     */
    public CheckResult matchesMigrations(DatabaseConfig target, Consumer<String> progress) {
        String scratch =
                "slipway_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_b";
        DatabaseWaiter waiter = DatabaseWaiter.withProgress(progress);
        try (Connection admin = waiter.connect(target)) {
            execute(admin, "create database " + scratch);
            try {
                progress.accept("Applying the migrations to scratch database " + scratch);
                new Migrator(target.withDatabase(scratch), MigrationsLocation.directory(migrationsRoot), progress)
                        .deploy();
                CheckResult result = compare(waiter, target, scratch, JdbcUrls.database(target.url()));
                return result.passed()
                        ? result
                        : new CheckResult(
                                result.differences().stream()
                                        .map(d -> d.replace("only schema.sql has", "only the database has"))
                                        .toList(),
                                "The database is not what the migrations make: pull schema.sql from it again"
                                        + " (slipway schema pull --force) and write V1 anew, or change the database"
                                        + " first.");
            } finally {
                execute(admin, EngineBehaviour.of(target.engine()).dropDatabase(scratch));
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    MigrateErrorCode.CHECK_FAILED,
                    "Cannot create a scratch database on " + target + ": " + e.getMessage()
                            + ". The comparison needs a user allowed to CREATE DATABASE.",
                    e);
        }
    }

    private void applySchema(DatabaseWaiter waiter, DatabaseConfig target) throws SQLException {
        Schema desired = SchemaReader.read(schemaFile);
        String script = MigrationGenerator.render(target.engine(), SchemaDiff.between(Schema.EMPTY, desired));
        try (Connection c = waiter.connect(target)) {
            for (SqlStatements.Statement statement : SqlStatements.split(script)) {
                execute(c, statement.sql());
            }
        }
    }

    private static CheckResult compare(DatabaseWaiter waiter, DatabaseConfig server, String migrated, String declared)
            throws SQLException {
        List<String> a;
        List<String> b;
        try (Connection c = waiter.connect(server.withDatabase(migrated))) {
            a = DatabaseSnapshot.of(c, server.engine());
        }
        try (Connection c = waiter.connect(server.withDatabase(declared))) {
            b = DatabaseSnapshot.of(c, server.engine());
        }
        List<String> differences = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> differences.add("only the migrations have: " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> differences.add("only schema.sql has: " + l));
        return differences.isEmpty()
                ? CheckResult.ok()
                : new CheckResult(
                        differences,
                        "A hand-written migration does something schema.sql does not say (or the reverse). Make"
                                + " schema.sql describe the result, or add a migration that gets there.");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
