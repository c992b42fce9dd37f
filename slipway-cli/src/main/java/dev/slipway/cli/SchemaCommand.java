package dev.slipway.cli;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationsHash;
import picocli.CommandLine.Command;

/** {@code slipway schema ...}. */
@Command(
        name = "schema",
        description = "Schema utilities.",
        subcommands = {SchemaCommand.Hash.class, SchemaCommand.Pull.class})
class SchemaCommand {

    @Command(
            name = "pull",
            description = "Write schema.sql (or --schema FILE) from a live PostgreSQL database's tables, keys, checks"
                    + " and indexes, and list what else it holds.")
    static class Pull extends ProjectCommand {

        @picocli.CommandLine.Option(names = "--force", description = "Replace an existing schema file.")
        boolean force;

        @Override
        int run() throws java.io.IOException {
            java.nio.file.Path target = project.schemaFile();
            if (java.nio.file.Files.exists(target) && !force) {
                throw new IllegalArgumentException(
                        target + " exists. Pass --force to replace it, or --schema FILE to" + " write another file.");
            }
            if (!project.hasDatabaseUrl()) {
                throw new IllegalArgumentException("schema pull reads a live database: pass --url (e.g."
                        + " jdbc:postgresql://db:5432/app) with --user, or set SLIPWAY_URL.");
            }
            try (ProjectOptions.Database db = project.openDatabase()) {
                dev.slipway.migrate.SchemaPull.Catalog catalog =
                        dev.slipway.migrate.SchemaPull.read(db.config(), context::progress);
                // what was read, kept so that a refusal can name its line
                java.nio.file.Path read = context.resolve(".slipway/pulled-catalog.sql");
                java.nio.file.Files.createDirectories(read.getParent());
                java.nio.file.Files.writeString(read, catalog.sql());
                String schemaSql = dev.slipway.migrate.SchemaPull.schemaSql(
                        catalog,
                        context.cwd().relativize(read).toString(),
                        db.config().toString());
                java.nio.file.Files.writeString(target, schemaSql);
                context.out()
                        .println("Wrote " + context.cwd().relativize(target) + " (read from " + db.config()
                                + "; the catalog as read is in " + context.cwd().relativize(read) + ").");
                if (!catalog.notCarried().isEmpty()) {
                    context.out()
                            .println(
                                    "Not in schema.sql (" + catalog.notCarried().size() + "):");
                    catalog.notCarried().forEach(line -> context.out().println("  " + line));
                }
                context.out()
                        .println("Next: slipway migrate dev --name init --create-only writes V1 for both"
                                + " engines; review what it says of each engine.");
            }
            return ExitCodes.OK;
        }
    }

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
            for (Engine engine : Engine.values()) {
                context.out().println(engine.id() + " " + MigrationsHash.of(directory, engine));
            }
            return ExitCodes.OK;
        }
    }
}
