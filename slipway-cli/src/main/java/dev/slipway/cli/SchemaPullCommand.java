package dev.slipway.cli;

import dev.slipway.migrate.SchemaPull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway schema pull}: schema.sql from a live database (see {@link SchemaPull}). */
@Command(
        name = "pull",
        description = "Write schema.sql (or --schema FILE) from a live PostgreSQL database's tables, keys, checks"
                + " and indexes, and list what else it holds.")
class SchemaPullCommand extends ProjectCommand {

    @Option(names = "--force", description = "Replace an existing schema file.")
    boolean force;

    @Override
    int run() throws IOException {
        Path target = project.schemaFile();
        if (Files.exists(target) && !force) {
            throw new IllegalArgumentException(
                    target + " exists. Pass --force to replace it, or --schema FILE to write another file.");
        }
        if (!project.hasDatabaseUrl()) {
            throw new IllegalArgumentException("schema pull reads a live database: pass --url (e.g."
                    + " jdbc:postgresql://db:5432/app) with --user, or set SLIPWAY_URL.");
        }
        try (ProjectOptions.Database db = project.openDatabase()) {
            SchemaPull.Catalog catalog = SchemaPull.read(db.config(), context::progress);
            // what was read, kept so that a refusal can name its line
            Path read = context.resolve(".slipway/pulled-catalog.sql");
            Files.createDirectories(read.getParent());
            Files.writeString(read, catalog.sql());
            String schemaSql = SchemaPull.schemaSql(
                    catalog,
                    context.cwd().relativize(read).toString(),
                    db.config().toString(),
                    project.engines());
            Files.writeString(target, schemaSql);
            context.out()
                    .println("Wrote " + context.cwd().relativize(target) + " (read from " + db.config()
                            + "; the catalog as read is in " + context.cwd().relativize(read) + ").");
            List<String> notCarried = catalog.notCarried(project.engines());
            if (!notCarried.isEmpty()) {
                context.out().println("Not in schema.sql (" + notCarried.size() + "):");
                notCarried.forEach(line -> context.out().println("  " + line));
            }
            context.out()
                    .println(
                            project.engines().size() > 1
                                    ? "Next: slipway migrate dev --name init --create-only writes V1 for both engines;"
                                            + " review what it says of each engine."
                                    : "Next: slipway migrate dev --name init --create-only writes V1 for PostgreSQL"
                                            + " (slipway.engines=postgresql).");
        }
        return ExitCodes.OK;
    }
}
