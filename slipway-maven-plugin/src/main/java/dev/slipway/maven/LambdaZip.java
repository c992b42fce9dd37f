package dev.slipway.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A Lambda zip being put together: entries by name (the first of a name wins, as on a class path), written sorted,
 * each at one fixed time, so the same inputs give the same bytes (the schema hash of a deploy covers them).
 */
final class LambdaZip {

    private final TreeMap<String, Source> entries = new TreeMap<>();

    private interface Source {
        void copyTo(OutputStream out) throws IOException;
    }

    /** Every file under {@code dir}, at {@code prefix} (e.g. {@code ""} or {@code "migrations/"}). */
    LambdaZip directory(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) return this;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = prefix + dir.relativize(file).toString().replace('\\', '/');
                entries.putIfAbsent(name, out -> Files.copy(file, out));
            }
        }
        return this;
    }

    /** A file as {@code name}. */
    LambdaZip file(Path file, String name) {
        entries.putIfAbsent(name, out -> Files.copy(file, out));
        return this;
    }

    /** The entries of the zip or jar {@code archive} whose names pass {@code keep}, unpacked at the root. */
    LambdaZip unpacked(Path archive, Predicate<String> keep) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory() || !keep.test(entry.getName())) continue;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                entries.putIfAbsent(entry.getName(), out -> out.write(bytes));
            }
        }
        return this;
    }

    /** Writes the zip and returns its size in bytes. */
    long writeTo(Path zip, FileTime time) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(time);
                out.putNextEntry(zipEntry);
                entry.getValue().copyTo(out);
                out.closeEntry();
            }
        }
        return Files.size(zip);
    }
}
