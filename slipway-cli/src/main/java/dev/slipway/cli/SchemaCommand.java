package dev.slipway.cli;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationsHash;
import picocli.CommandLine.Command;

/** {@code slipway schema ...}. */
@Command(
        name = "schema",
        description = "Schema utilities.",
        subcommands = {SchemaCommand.Hash.class, SchemaPullCommand.class})
class SchemaCommand {

    @Command(
            name = "hash",
            description = "Print the SHA-256 of each engine's migrations (what deploys rerun on), or of --engine's.")
    static class Hash extends ProjectCommand {
        @Override
        int run() {
            MigrationDirectory directory = new MigrationDirectory(project.migrationsDirectory());
            Engine only = project.engineOrNull();
            if (only != null) {
                context.out().println(MigrationsHash.of(directory, only));
                return ExitCodes.OK;
            }
            for (Engine engine : project.engines()) {
                context.out().println(engine.id() + " " + MigrationsHash.of(directory, engine));
            }
            return ExitCodes.OK;
        }
    }
}
