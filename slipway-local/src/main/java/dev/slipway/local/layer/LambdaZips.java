package dev.slipway.local.layer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Lambda zips as Lambda reads them: entries with their Unix permissions (a custom runtime's {@code bootstrap} and
 * its {@code java} must stay executable; Lambda keeps the mode bits of a zip's entries): read by the JDK's zip
 * file system ({@code enablePosixFileAttributes}), written by Commons Compress, which sets the whole mode.
 */
public final class LambdaZips {

    /** The time every entry of a zip written here gets, so that the same tree gives the same bytes. */
    static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, zip's epoch

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
     * Writes the files under {@code dir} into a new {@code zip}, sorted, at a fixed time, each with its full Unix
     * mode (regular file and permissions; the JDK's zip file system writes permissions without the file type, which
     * Info-ZIP lists as {@code ?rwx...}), so the same tree gives the same bytes.
     */
    public static void zip(Path dir, Path zip) throws IOException {
        Files.deleteIfExists(zip);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files) {
                ZipArchiveEntry entry =
                        new ZipArchiveEntry(dir.relativize(file).toString().replace('\\', '/'));
                entry.setUnixMode(REGULAR_FILE | mode(Files.getPosixFilePermissions(file)));
                entry.setLastModifiedTime(FIXED_TIME);
                entry.setSize(Files.size(file));
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        }
    }

    private static final int REGULAR_FILE = 0100000;

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) mode |= 1 << (8 - p.ordinal()); // OWNER_READ is 0400, ...
        return mode;
    }

    private static FileSystem open(Path zip) throws IOException {
        return FileSystems.newFileSystem(
                URI.create("jar:" + zip.toAbsolutePath().toUri()), Map.of("enablePosixFileAttributes", "true"));
    }
}
