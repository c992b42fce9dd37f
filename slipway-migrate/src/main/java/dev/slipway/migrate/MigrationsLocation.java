package dev.slipway.migrate;

import dev.slipway.core.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the migrations are: a directory with one sub-directory per engine ({@code migrations/postgresql}), or the
 * same layout on the classpath (inside a Lambda artifact), e.g. {@code classpath:migrations}.
 */
public record MigrationsLocation(String value) {

    public static MigrationsLocation directory(Path root) {
        return new MigrationsLocation("filesystem:" + root.toAbsolutePath().normalize());
    }

    public static MigrationsLocation classpath(String prefix) {
        return new MigrationsLocation("classpath:" + prefix.replaceAll("^/+|/+$", ""));
    }

    /** Parses {@code classpath:...}, {@code filesystem:...} or a plain directory path. */
    public static MigrationsLocation parse(String text) {
        if (text.startsWith("classpath:") || text.startsWith("filesystem:")) return new MigrationsLocation(text);
        return directory(Path.of(text));
    }

    /** The Flyway location of {@code engine}'s scripts. */
    public String forEngine(Engine engine) {
        return value + "/" + engine.id();
    }

    /** True when this is a directory that does not hold scripts for {@code engine}. */
    public boolean missingDirectoryFor(Engine engine) {
        return value.startsWith("filesystem:")
                && !Files.isDirectory(Path.of(value.substring("filesystem:".length()), engine.id()));
    }
}
