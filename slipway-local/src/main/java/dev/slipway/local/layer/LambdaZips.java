package dev.slipway.local.layer;

import dev.slipway.packaging.LambdaZip;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lambda zips as Lambda reads them: entries with their Unix permissions (a custom runtime's {@code bootstrap} and
 * its {@code java} must stay executable; Lambda keeps the mode bits of a zip's entries): read by the JDK's zip
 * file system ({@code enablePosixFileAttributes}), written by {@link LambdaZip}.
 */
public final class LambdaZips {

    private LambdaZips() {}

    /** Unpacks {@code zip} into {@code target} (made whole or not at all), keeping the entries' permissions. */
    public static void unzip(Path zip, Path target) throws IOException {
        Path parent = Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = Files.createTempDirectory(parent, "unzip");
        try (FileSystem fs = open(zip)) {
            Path root = fs.getPath("/");
            try (Stream<Path> entries = Files.walk(root)) {
                for (Path entry : entries.toList()) {
                    Path out =
                            partial.resolve(root.relativize(entry).toString()).normalize();
                    if (!out.startsWith(partial)) throw new IOException("Zip entry outside the target: " + entry);
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(entry, out, StandardCopyOption.REPLACE_EXISTING);
                        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
                        if (!mode.isEmpty()) Files.setPosixFilePermissions(out, mode);
                    }
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes the files under {@code dir} into a new {@code zip} with {@link LambdaZip}: sorted, at a fixed time, each
     * with a full Unix mode (regular file, 0755 or 0644), so the same tree gives the same bytes.
     */
    public static void zip(Path dir, Path zip) throws IOException {
        new LambdaZip().directory(dir, "").writeTo(zip, LambdaZip.ZIP_EPOCH);
    }

    private static FileSystem open(Path zip) throws IOException {
        return FileSystems.newFileSystem(
                URI.create("jar:" + zip.toAbsolutePath().toUri()), Map.of("enablePosixFileAttributes", "true"));
    }
}
