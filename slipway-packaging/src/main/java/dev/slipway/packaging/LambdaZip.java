package dev.slipway.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Collections;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The one writer of Slipway's zips (function zips, the migrations zip, runtime layers, jar-only repackaging): entries
 * by name (the first of a name wins, as on a class path), written sorted, each at one time and with a normalised Unix
 * mode ({@code 0755} where the source is executable, else {@code 0644}), so that the same inputs give the same bytes
 * on any machine, in any time zone and under any umask. Lambda keeps an entry's mode bits: a custom runtime's {@code
 * bootstrap} and {@code java} must stay executable.
 *
 * <p>Written with Commons Compress: the JDK's {@code ZipOutputStream} cannot write an entry's Unix mode, and its
 * {@code setLastModifiedTime} stores the DOS time in the machine's zone (a different zip per zone) plus an extended
 * timestamp field.
 */
public final class LambdaZip {

    /** Zip's first day, for zips without a build timestamp. */
    public static final Instant ZIP_EPOCH = Instant.parse("1980-01-01T00:00:00Z");

    private static final int REGULAR_FILE = 0100000;
    private static final int READABLE = 0644;
    private static final int EXECUTABLE = 0755;

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    private interface Source {
        void copyTo(OutputStream out) throws IOException;
    }

    private record Entry(Source source, int mode) {}

    /** Every file under {@code dir}, at {@code prefix} (e.g. {@code ""} or {@code "migrations/"}). */
    public LambdaZip directory(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) return this;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                file(file, prefix + dir.relativize(file).toString().replace('\\', '/'));
            }
        }
        return this;
    }

    /** A file as {@code name}. */
    public LambdaZip file(Path file, String name) throws IOException {
        entries.putIfAbsent(name, new Entry(out -> Files.copy(file, out), executable(file) ? EXECUTABLE : READABLE));
        return this;
    }

    /** {@code bytes} as {@code name}. */
    public LambdaZip bytes(String name, byte[] bytes) {
        entries.putIfAbsent(name, new Entry(out -> out.write(bytes), READABLE));
        return this;
    }

    /** The entries of the zip or jar {@code archive} whose names pass {@code keep}, unpacked at the root. */
    public LambdaZip unpacked(Path archive, Predicate<String> keep) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory() || !keep.test(entry.getName())) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes(entry.getName(), in.readAllBytes());
                }
            }
        }
        return this;
    }

    /** Writes the zip, every entry dated {@code time}, and returns its size in bytes. */
    public long writeTo(Path zip, Instant time) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Files.deleteIfExists(zip);
        long dosTime = dosFieldsInUtc(time);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (var named : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(named.getKey());
                entry.setUnixMode(REGULAR_FILE | named.getValue().mode());
                entry.setTime(dosTime);
                out.putArchiveEntry(entry);
                named.getValue().source().copyTo(out);
                out.closeArchiveEntry();
            }
        }
        return Files.size(zip);
    }

    /**
     * The time whose DOS date and time fields, which the zip format holds in local time, read as {@code time} in UTC
     * in this JVM's zone (as plexus-archiver does for {@code project.build.outputTimestamp}).
     */
    private static long dosFieldsInUtc(Instant time) {
        long utc = time.toEpochMilli();
        return utc - TimeZone.getDefault().getOffset(utc);
    }

    private static boolean executable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) return Files.isExecutable(file);
        return posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }
}
