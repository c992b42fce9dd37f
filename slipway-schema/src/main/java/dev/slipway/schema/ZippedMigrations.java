package dev.slipway.schema;

import dev.slipway.core.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The migrations a migration function's zip carries ({@code migrations/ENGINE/*}), compared with the project's
 * {@code migrations/}: a zip built before a migration was added or edited would apply the old ones and report the
 * database up to date. The CDK constructs refuse such a zip at synth, {@code slipway up} before it runs it.
 */
public final class ZippedMigrations {

    private ZippedMigrations() {}

    /** {@link MigrationsHash} of the engine's migrations in {@code zip}. */
    public static String hash(Path zip, Engine engine) {
        Path unpacked = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            unpacked = Files.createTempDirectory("slipway-zipped-migrations");
            Path engineDir = Files.createDirectories(unpacked.resolve(engine.id()));
            String prefix = "migrations/" + engine.id() + "/";
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix)) continue;
                if (name.substring(prefix.length()).contains("/")) continue;
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, engineDir.resolve(name.substring(prefix.length())));
                }
            }
            return MigrationsHash.of(new MigrationDirectory(unpacked), engine);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migrations in " + zip, e);
        } finally {
            dev.slipway.core.FileTrees.deleteQuietly(unpacked);
        }
    }

    /**
     * Refuses a zip whose migrations differ from {@code migrationsRoot/ENGINE}; returns their {@link #hash}.
     *
     * @param fix what to run to build the zip again, for the message
     * @throws IllegalStateException naming the zip, the directory and {@code fix}
     */
    public static String requireCurrent(Path migrationsRoot, Path zip, Engine engine, String fix) {
        String source = MigrationsHash.of(new MigrationDirectory(migrationsRoot), engine);
        String zipped = hash(zip, engine);
        if (!zipped.equals(source)) {
            throw new IllegalStateException(zip + " holds other " + engine.id() + " migrations than "
                    + migrationsRoot.resolve(engine.id()) + ": a migration changed after the zip was built, and"
                    + " running it would apply the old ones. " + fix);
        }
        return zipped;
    }
}
