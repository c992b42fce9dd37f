package dev.slipway.cli;

import dev.slipway.core.Engine;
import dev.slipway.migrate.CheckResult;
import dev.slipway.migrate.SchemaCheck;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationFile;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code slipway migrate baseline}: a database that already holds the schema (adopted with {@code schema pull})
 * gets its migrations' newest version recorded as applied, without running them, once it is shown to hold exactly
 * what they make.
 */
@Command(
        name = "baseline",
        description = "Record the newest migration as applied on a database that already holds what the migrations"
                + " make (after schema pull and migrate dev --create-only), without running them.")
class MigrateBaseline extends ProjectCommand {

    @Override
    int run() {
        try (ProjectOptions.Database db = project.openDatabase()) {
            Engine engine = db.config().engine();
            List<MigrationFile> files = new MigrationDirectory(project.migrationsDirectory()).files(engine);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No " + engine.id() + " migrations in "
                        + project.migrationsDirectory() + ". Write V1 from schema.sql first: slipway migrate dev"
                        + " --name init --create-only.");
            }
            String version = files.get(files.size() - 1).version();
            CheckResult check = new SchemaCheck(project.schemaFile(), project.migrationsDirectory(), project.engines())
                    .matchesMigrations(db.config(), context::progress);
            if (!check.passed()) {
                check.differences().forEach(d -> context.out().println("  " + d));
                context.out().println("Not baselined: " + check.fix());
                return ExitCodes.FAILED;
            }
            MigrateOps.migrator(project, db, context).baseline(version);
            context.out()
                    .println("Baselined " + db.config() + " at V" + version + ": it holds what the migrations make;"
                            + " migrate deploy continues after V" + version + ".");
        }
        return ExitCodes.OK;
    }
}
