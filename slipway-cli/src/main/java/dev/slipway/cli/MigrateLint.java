package dev.slipway.cli;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationFile;
import dev.slipway.schema.lint.Finding;
import dev.slipway.schema.lint.MigrationLinter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway migrate lint}: every migration of each engine, checked against the schema before it. */
@Command(
        name = "lint",
        description = "Lint migrations for data loss, breaking changes and locking. Exit 3 when anything is found.")
class MigrateLint extends ProjectCommand {

    @Option(names = "--latest", description = "Lint only the newest migration.")
    boolean latestOnly;

    @Override
    int run() {
        MigrationDirectory directory = new MigrationDirectory(project.migrationsDirectory());
        List<Engine> engines =
                project.engineOrNull() == null ? List.copyOf(project.engines()) : List.of(project.engineOrNull());
        List<Finding> findings = new ArrayList<>();
        int files = 0;
        for (Engine engine : engines) {
            List<MigrationFile> all = directory.files(engine);
            int first = latestOnly ? Math.max(0, all.size() - 1) : 0;
            for (int n = first; n < all.size(); n++) {
                findings.addAll(MigrationLinter.lintFile(engine, all.subList(0, n), all.get(n)));
            }
            files += all.size() - first;
        }
        String prefix = context.cwd() + java.io.File.separator;
        findings.forEach(f -> context.out().println(f.describe().replace(prefix, "")));
        context.out().println(findings.size() + " finding(s) in " + files + " file(s).");
        return findings.isEmpty() ? ExitCodes.OK : ExitCodes.LINT_FINDINGS;
    }
}
