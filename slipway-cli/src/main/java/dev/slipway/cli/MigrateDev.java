package dev.slipway.cli;

import dev.slipway.core.Engine;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.schema.GeneratedMigration;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.schema.lint.AcceptedFindings;
import dev.slipway.schema.lint.Category;
import dev.slipway.schema.lint.Finding;
import dev.slipway.schema.lint.MigrationLinter;
import dev.slipway.schema.lint.Rule;
import dev.slipway.schema.model.Schema;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway migrate dev}: diff -> write both engines' files -> lint -> apply to the dev database. */
@Command(
        name = "dev",
        description =
                "Generate the next migration from schema.sql for both engines, lint it, apply it to the dev database.")
class MigrateDev extends ProjectCommand {

    /**
     * Why BC102 is refused even with --allow-destructive: on a table with rows PostgreSQL rejects the migration
     * while MySQL fills the column with 0 or '' (its implicit default), so the engines would no longer agree.
     */
    private static final String NOT_NULL_WITHOUT_DEFAULT =
            "Not written: a NOT NULL column without a default, added to an existing table, fails on PostgreSQL where"
                    + " the table has rows and is filled with 0 or '' on MySQL (the engines would disagree)."
                    + " Fix: give the column a DEFAULT in schema.sql; or add it nullable, run migrate dev, fill it"
                    + " with an UPDATE in a migration of your own, then add NOT NULL in schema.sql and run migrate"
                    + " dev again.";

    @Option(names = "--name", required = true, description = "What the migration does, e.g. add_post_index.")
    String name;

    @Option(
            names = "--allow-destructive",
            description =
                    "Write the migration even if lint finds destructive changes; the accepted findings are recorded in it"
                            + " as -- slipway:lint-ignore lines.")
    boolean allowDestructive;

    @Option(names = "--create-only", description = "Write the files but do not apply them.")
    boolean createOnly;

    /** The files this run wrote. */
    private List<Path> written = List.of();

    @Override
    int run() {
        Path migrations = project.migrationsDirectory();
        MigrationGenerator generator = new MigrationGenerator(project.schemaFile(), migrations, project.engines());
        context.progress("Comparing " + project.schemaFile() + " with the migrations in " + migrations);
        Optional<GeneratedMigration> planned = generator.plan(name);
        MigrateOps.printFenced(context, migrations, "not part of the diff");
        if (planned.isEmpty()) {
            context.out().println("No schema changes: the migrations already produce schema.sql.");
        } else {
            Map<Engine, List<Finding>> findings = lint(planned.get(), generator);
            findings.values().forEach(list -> list.forEach(f -> context.out().println(f.describe())));
            List<Finding> all = findings.values().stream().flatMap(List::stream).toList();
            if (all.stream().anyMatch(f -> f.rule() == Rule.BC102)) {
                context.out().println(NOT_NULL_WITHOUT_DEFAULT);
                return ExitCodes.LINT_FINDINGS;
            }
            boolean destructive = all.stream().anyMatch(MigrateDev::destructive);
            if (destructive && !allowDestructive) {
                context.out()
                        .println("Not written: the migration would lose data (see above). Review it, then rerun"
                                + " with --allow-destructive, or change schema.sql.");
                return ExitCodes.LINT_FINDINGS;
            }
            GeneratedMigration migration = destructive ? accept(planned.get(), findings) : planned.get();
            written = generator.write(migration);
            for (Path file : written) {
                context.out().println("Wrote " + context.cwd().relativize(file));
            }
            long left = all.stream().filter(f -> !destructive(f)).count();
            if (left > 0) {
                context.out()
                        .println(left + " finding(s) above are left for review: 'slipway migrate lint' reports"
                                + " them until each has '-- slipway:lint-ignore CODE why' above its statement.");
            }
        }
        if (createOnly) return ExitCodes.OK;
        try (ProjectOptions.Database db = project.openDatabase()) {
            try {
                MigrateOps.print(
                        context, MigrateOps.migrator(project, db, context).deploy());
            } catch (MigrateException e) {
                if (e.code() == MigrateErrorCode.MIGRATION_FAILED)
                    removeRolledBack(db.config().engine());
                throw e;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The dev database refused the migration this run wrote. PostgreSQL rolled it back, so its files go (a rerun
     * after fixing schema.sql writes them again, instead of failing on the broken ones until deleted by hand); on
     * MySQL, where statements before the failure stay applied, the files stay and the error says how to recover.
     */
    private void removeRolledBack(Engine engine) {
        if (written.isEmpty() || engine != Engine.POSTGRESQL) return;
        for (Path file : written) {
            try {
                java.nio.file.Files.deleteIfExists(file);
                context.err()
                        .println("slipway: removed " + context.cwd().relativize(file) + ": the database refused"
                                + " it and rolled it back. Fix schema.sql (or report the statement as a Slipway bug), then"
                                + " run migrate dev again.");
            } catch (java.io.IOException e) {
                context.err()
                        .println("slipway: could not remove " + file + " (" + e.getMessage() + "): delete it"
                                + " before running migrate dev again.");
            }
        }
    }

    /**
     * The destructive findings the user accepted with --allow-destructive, recorded in the scripts (each engine's
     * own findings in its own file), so that 'migrate lint' and the build pass on what was reviewed here.
     */
    private static GeneratedMigration accept(GeneratedMigration migration, Map<Engine, List<Finding>> findings) {
        Map<Engine, String> sql = new EnumMap<>(Engine.class);
        migration
                .sql()
                .forEach((engine, script) -> sql.put(
                        engine,
                        AcceptedFindings.record(
                                script,
                                findings.get(engine).stream()
                                        .filter(MigrateDev::destructive)
                                        .toList(),
                                "accepted with migrate dev --allow-destructive")));
        return new GeneratedMigration(migration.version(), migration.name(), migration.changes(), sql);
    }

    private static boolean destructive(Finding finding) {
        return finding.rule().category() == Category.DESTRUCTIVE;
    }

    /** Lints the new scripts, each against the schema its own engine's earlier scripts produce. */
    private Map<Engine, List<Finding>> lint(GeneratedMigration migration, MigrationGenerator generator) {
        MigrationDirectory directory = new MigrationDirectory(project.migrationsDirectory());
        Map<Engine, List<Finding>> findings = new EnumMap<>(Engine.class);
        for (Engine engine : migration.sql().keySet()) {
            Schema before = generator.replayed(engine); // the plan replayed PostgreSQL's already
            Path file = directory.engineDirectory(engine).resolve(migration.fileName());
            findings.put(
                    engine,
                    MigrationLinter.lintScript(
                            engine,
                            Optional.of(before),
                            context.cwd().relativize(file).toString(),
                            migration.sql().get(engine)));
        }
        return findings;
    }
}
