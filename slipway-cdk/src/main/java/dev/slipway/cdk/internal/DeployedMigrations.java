package dev.slipway.cdk.internal;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationsHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the migration custom resource deploys, read from the migration function's zip, not from the source tree:
 * the hash CloudFormation compares must change exactly when what runs changes. It covers the engine's migrations
 * in the zip and the content of everything else in it (the runner's code: a snapshot version says nothing about
 * it). A zip whose migrations differ from {@code migrations/} (a migration edited, and the zip not built again) is
 * refused at synth: deploying it would rerun the old migrations and report success.
 */
public final class DeployedMigrations {

    private DeployedMigrations() {}

    /** The custom resource's SchemaHash for {@code engine}; refuses a zip out of date with {@code migrationsRoot}. */
    public static String schemaHash(Path migrationsRoot, Path artifact, Engine engine) {
        String source = MigrationsHash.of(new MigrationDirectory(migrationsRoot), engine);
        String deployed;
        String code;
        Path unpacked = null;
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            unpacked = Files.createTempDirectory("slipway-deployed-migrations");
            String prefix = "migrations/" + engine.id() + "/";
            Path engineDir = Files.createDirectories(unpacked.resolve(engine.id()));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                if (entry.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().startsWith(prefix)
                            && !entry.getName().substring(prefix.length()).contains("/")) {
                        Files.write(engineDir.resolve(entry.getName().substring(prefix.length())), bytes);
                    } else if (!entry.getName().startsWith("migrations/")) {
                        digest.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(bytes);
                    }
                }
            }
            deployed = MigrationsHash.of(new MigrationDirectory(unpacked), engine);
            code = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migration function's zip " + artifact, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(unpacked);
        }
        if (!deployed.equals(source)) {
            throw new IllegalStateException(artifact + " holds other " + engine.id() + " migrations than "
                    + migrationsRoot.resolve(engine.id()) + ": a migration changed after the zip was built, and"
                    + " deploying it would run the old ones. Build it again (./mvnw package), then synth.");
        }
        return MigrationsHash.combine(deployed, "runner " + code);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) { // a temp directory
        }
    }
}
