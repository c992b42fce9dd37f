package dev.slipway.cli;

import dev.slipway.migrate.DeployResult;
import dev.slipway.migrate.MigrationStatus;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.migrate.ResetPermission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that act on a database's migration history: deploy, status, reset, repair. */
final class MigrateOps {

    private MigrateOps() {}

    /** The project's migrations for the database's engine; refused where the project has none for it. */
    static Migrator migrator(ProjectOptions project, ProjectOptions.Database db, CliContext context) {
        dev.slipway.core.Engine engine = db.config().engine();
        if (!project.engines().contains(engine)) {
            throw new IllegalArgumentException("This project's migrations are for "
                    + String.join(
                            ",",
                            project.engines().stream()
                                    .map(dev.slipway.core.Engine::id)
                                    .toList())
                    + " (slipway.engines), and this database is " + engine.id() + ". Point --url at a "
                    + project.engines().iterator().next().id() + " database, or add " + engine.id()
                    + " to slipway.engines.");
        }
        return new Migrator(
                db.config(), MigrationsLocation.directory(project.migrationsDirectory()), context::progress);
    }

    /** Lists the migrations' fenced SQL, which Slipway's model does not see; nothing when there is none. */
    static void printFenced(CliContext context, java.nio.file.Path migrations, String how) {
        java.util.List<String> fenced =
                dev.slipway.schema.FencedSql.blocks(new dev.slipway.schema.MigrationDirectory(migrations));
        if (fenced.isEmpty()) return;
        context.out().println("Outside Slipway's view (fenced with '-- [jooq ignore start/stop]'; " + how + "):");
        String prefix = context.cwd() + java.io.File.separator;
        fenced.forEach(block -> context.out().println("  " + block.replace(prefix, "")));
    }

    static void print(CliContext context, DeployResult result) {
        context.out()
                .println(
                        result.applied().isEmpty()
                                ? "Up to date at version " + result.toVersion() + "."
                                : "Applied " + String.join(", ", result.applied()) + "; now at version "
                                        + result.toVersion() + ".");
    }

    @Command(name = "deploy", description = "Apply pending migrations (what production runs).")
    static class Deploy extends ProjectCommand {
        @Override
        int run() {
            try (ProjectOptions.Database db = project.openDatabase()) {
                print(context, migrator(project, db, context).deploy());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Show applied, pending, failed and drifted migrations. Exit 1 on problems.")
    static class Status extends ProjectCommand {
        @Override
        int run() {
            java.nio.file.Path migrations = project.migrationsDirectory();
            if (!project.hasDatabaseUrl() && !java.nio.file.Files.isDirectory(migrations)) {
                // nothing to compare: say so before starting an embedded database for it
                throw new IllegalArgumentException("No migrations directory at " + migrations + ": run this in your"
                        + " project's directory, pass --migrations DIR, or write the first migration with"
                        + " 'slipway migrate dev --name init'.");
            }
            try (ProjectOptions.Database db = project.openDatabase()) {
                MigrationStatus status = migrator(project, db, context).status();
                context.out().println("Database: " + db.config());
                for (MigrationStatus.Entry entry : status.migrations()) {
                    context.out()
                            .printf(
                                    "  %-8s V%-6s %s%s%n",
                                    entry.state(),
                                    entry.version(),
                                    entry.description(),
                                    entry.installedOn() == null ? "" : "  (" + entry.installedOn() + ")");
                }
                if (status.migrations().isEmpty()) context.out().println("  no migrations");
                status.problems().forEach(p -> context.out().println("problem: " + p));
                context.out()
                        .println(
                                status.upToDate()
                                        ? "Up to date."
                                        : status.healthy()
                                                ? status.pending().size() + " pending; run 'slipway migrate deploy'."
                                                : "");
                return status.healthy() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "reset", description = "Drop everything in the database, then deploy. Needs explicit permission.")
    static class Reset extends ProjectCommand {
        @Option(names = ResetPermission.FLAG, description = "Confirm that all data in the database is deleted.")
        boolean confirmed;

        @Override
        int run() {
            ResetPermission permission =
                    ResetPermission.fromFlag(confirmed).or(ResetPermission.fromEnvironment(context.env()));
            try (ProjectOptions.Database db = project.openDatabase()) {
                print(context, migrator(project, db, context).reset(permission));
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "repair",
            description =
                    "Clear failed entries and realign checksums in the history (after fixing a failed migration).")
    static class Repair extends ProjectCommand {
        @Override
        int run() {
            try (ProjectOptions.Database db = project.openDatabase()) {
                migrator(project, db, context).repair();
                context.out().println("Repaired. Run 'slipway migrate deploy' to apply the fixed migration.");
            }
            return ExitCodes.OK;
        }
    }
}
