package dev.slipway.cdk.internal;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationsHash;
import dev.slipway.schema.ZippedMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        String deployed = ZippedMigrations.requireCurrent(
                migrationsRoot, artifact, engine, "Build it again (./mvnw package), then synth.");
        String code;
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                if (entry.isDirectory() || entry.getName().startsWith("migrations/")) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    digest.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(in.readAllBytes());
                }
            }
            code = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migration function's zip " + artifact, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return MigrationsHash.combine(deployed, "runner " + code);
    }
}
