package dev.slipway.cli;

import dev.slipway.core.Engine;
import dev.slipway.schema.GeneratedMigration;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.schema.SchemaReader;
import dev.slipway.schema.lint.Category;
import dev.slipway.schema.lint.Finding;
import dev.slipway.schema.lint.MigrationLinter;
import dev.slipway.schema.model.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway migrate dev}: diff -> write both engines' files -> lint -> apply to the dev database. */
@Command(
        name = "dev",
        description =
                "Generate the next migration from schema.sql for both engines, lint it, apply it to the dev database.")
class MigrateDev extends ProjectCommand {

    @Option(names = "--name", required = true, description = "What the migration does, e.g. add_post_index.")
    String name;

    @Option(names = "--allow-destructive", description = "Write the migration even if lint finds destructive changes.")
    boolean allowDestructive;

    @Option(names = "--create-only", description = "Write the files but do not apply them.")
    boolean createOnly;

    @Override
    int run() {
        Path migrations = project.migrationsDirectory();
        MigrationGenerator generator = new MigrationGenerator(project.schemaFile(), migrations);
        context.progress("Comparing " + project.schemaFile() + " with the migrations in " + migrations);
        Optional<GeneratedMigration> planned = generator.plan(name);
        if (planned.isEmpty()) {
            context.out().println("No schema changes: the migrations already produce schema.sql.");
        } else {
            GeneratedMigration migration = planned.get();
            List<Finding> findings = lint(migration);
            findings.forEach(f -> context.out().println(f.describe()));
            boolean destructive = findings.stream().anyMatch(f -> f.rule().category() == Category.DESTRUCTIVE);
            if (destructive && !allowDestructive) {
                context.out()
                        .println("Not written: the migration would lose data (see above). Review it, then rerun"
                                + " with --allow-destructive, or change schema.sql.");
                return ExitCodes.LINT_FINDINGS;
            }
            for (Path file : generator.write(migration)) {
                context.out().println("Wrote " + context.cwd().relativize(file));
            }
        }
        if (createOnly) return ExitCodes.OK;
        try (ProjectOptions.Database db = project.openDatabase()) {
            MigrateOps.print(context, MigrateOps.migrator(project, db, context).deploy());
        }
        return ExitCodes.OK;
    }

    /** Lints the new scripts, each against the schema its own engine's earlier scripts produce. */
    private List<Finding> lint(GeneratedMigration migration) {
        MigrationDirectory directory = new MigrationDirectory(project.migrationsDirectory());
        List<Finding> findings = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            Schema before = SchemaReader.replay(directory.files(engine), engine);
            Path file = directory.engineDirectory(engine).resolve(migration.fileName());
            findings.addAll(MigrationLinter.lintScript(
                    engine,
                    Optional.of(before),
                    context.cwd().relativize(file).toString(),
                    migration.sql().get(engine)));
        }
        return findings;
    }
}
