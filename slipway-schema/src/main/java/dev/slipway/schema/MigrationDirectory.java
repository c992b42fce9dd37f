package dev.slipway.schema;

import dev.slipway.core.Engine;
import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A migrations directory: one sub-directory per engine ({@code postgresql/}, {@code mysql/}), each holding Flyway
 * files with the same versions and names.
 */
public record MigrationDirectory(Path root) {

    public Path engineDirectory(Engine engine) {
        return root.resolve(engine.id());
    }

    /** The engine's versioned migrations in order; empty when the directory does not exist yet. */
    public List<MigrationFile> files(Engine engine) {
        Path dir = engineDirectory(engine);
        if (!Files.isDirectory(dir)) return List.of();
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : entries.sorted().toList()) {
                String name = path.getFileName().toString();
                if (!name.endsWith(".sql")) continue;
                MigrationFile file = MigrationFile.parse(path);
                if (file == null && !name.startsWith("R__")) {
                    throw new SchemaException(
                            SchemaErrorCode.INVALID_MIGRATIONS,
                            path + ": not a Flyway migration name. Name it V<version>__<description>.sql,"
                                    + " e.g. V2__add_post_index.sql (description: letters, digits, underscores).");
                }
                if (file != null) files.add(file);
            }
        } catch (IOException e) {
            throw new SchemaException(SchemaErrorCode.IO_ERROR, "Cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(MigrationFile.BY_VERSION);
        for (int i = 1; i < files.size(); i++) {
            if (MigrationFile.compareVersions(
                            files.get(i - 1).version(), files.get(i).version())
                    == 0) {
                throw new SchemaException(
                        SchemaErrorCode.INVALID_MIGRATIONS,
                        "Version " + files.get(i).version() + " is used twice in " + dir + ": "
                                + files.get(i - 1).fileName() + " and "
                                + files.get(i).fileName()
                                + ". Give one of them the next free version.");
            }
        }
        return List.copyOf(files);
    }

    /** Fails unless every engine directory that exists has exactly the same migration file names. */
    public void requireEnginesAgree() {
        requireEnginesAgree(Engine.BOTH);
    }

    /** Every version has a file for each of {@code engines} (a directory of another engine is left alone). */
    public void requireEnginesAgree(Set<Engine> engines) {
        Set<String> reference = null;
        Engine referenceEngine = null;
        for (Engine engine : engines) {
            if (!Files.isDirectory(engineDirectory(engine))) continue;
            Set<String> names = new TreeSet<>(
                    files(engine).stream().map(MigrationFile::fileName).toList());
            if (reference == null) {
                reference = names;
                referenceEngine = engine;
            } else if (!reference.equals(names)) {
                Set<String> missingHere = new TreeSet<>(reference);
                missingHere.removeAll(names);
                Set<String> missingThere = new TreeSet<>(names);
                missingThere.removeAll(reference);
                throw new SchemaException(
                        SchemaErrorCode.INVALID_MIGRATIONS,
                        "The engines' migrations disagree: " + engine.id() + "/ lacks " + missingHere + ", "
                                + referenceEngine.id() + "/ lacks " + missingThere + " (under " + root + ")."
                                + " Every version needs a file for each engine, with the same name.");
            }
        }
    }

    /** The version the next generated migration gets: one more than the highest major version on disk. */
    public BigInteger nextVersion() {
        BigInteger max = BigInteger.ZERO;
        for (Engine engine : Engine.values()) {
            for (MigrationFile file : files(engine)) {
                max = max.max(file.major());
            }
        }
        return max.add(BigInteger.ONE);
    }
}
