package dev.slipway.schema.lint;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationFile;
import dev.slipway.schema.SchemaReader;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.lint.internal.LintRules;
import dev.slipway.schema.model.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lints migrations, generated or hand-written, for both engines. Each finding carries its rule's fix. */
public final class MigrationLinter {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLinter.class);

    private MigrationLinter() {}

    /** Lints every migration of {@code engine}, each against the schema the migrations before it produce. */
    public static List<Finding> lintAll(MigrationDirectory directory, Engine engine) {
        List<MigrationFile> files = directory.files(engine);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            findings.addAll(lintFile(engine, files.subList(0, i), files.get(i)));
        }
        return findings;
    }

    /** Lints {@code file}, knowing the migrations applied before it. */
    public static List<Finding> lintFile(Engine engine, List<MigrationFile> earlier, MigrationFile file) {
        Optional<Schema> before = stateBefore(engine, earlier);
        try {
            return lintScript(engine, before, file.path().toString(), Files.readString(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.path(), e);
        }
    }

    /** Lints a script; {@code before} empty means unknown (every table is then treated as holding rows). */
    public static List<Finding> lintScript(Engine engine, Optional<Schema> before, String origin, String script) {
        return LintRules.forEngine(engine, before).lint(origin, script);
    }

    private static Optional<Schema> stateBefore(Engine engine, List<MigrationFile> earlier) {
        try {
            return Optional.of(SchemaReader.replay(earlier, engine));
        } catch (SchemaException e) {
            LOG.warn("Linting without knowing the earlier schema ({}); every table counts as existing", e.getMessage());
            return Optional.empty();
        }
    }
}
