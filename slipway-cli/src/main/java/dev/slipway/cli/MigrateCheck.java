package dev.slipway.cli;

import dev.slipway.migrate.CheckResult;
import dev.slipway.migrate.SchemaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway migrate check}: the migrations yield exactly schema.sql (for CI). */
@Command(
        name = "check",
        description = "Fail (exit 1) unless the migrations, applied to a scratch database, yield exactly schema.sql.")
class MigrateCheck extends ProjectCommand {

    @Option(names = "--offline", description = "Compare without a database (jOOQ replays the scripts).")
    boolean offline;

    @Override
    int run() {
        SchemaCheck check = new SchemaCheck(project.schemaFile(), project.migrationsDirectory(), project.engines());
        CheckResult result;
        if (offline) {
            result = check.offline();
        } else {
            try (ProjectOptions.Database db = project.openDatabase()) {
                result = check.onDatabase(db.config(), context::progress);
            }
        }
        MigrateOps.printFenced(
                context,
                project.migrationsDirectory(),
                offline ? "not compared offline" : "compared only as the database holds it");
        if (result.passed()) {
            context.out().println("OK: the migrations yield schema.sql" + (offline ? " (offline check)." : "."));
            return ExitCodes.OK;
        }
        result.differences().forEach(d -> context.out().println("  " + d));
        context.out().println("FAILED: " + result.fix());
        return ExitCodes.FAILED;
    }
}
