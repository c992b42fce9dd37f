package dev.slipway.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting a directory with everything below it, which the JDK's {@link Files} does one file at a time. */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code dir} and all below it; nothing when it is absent. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** As {@link #delete}, for a temporary directory: what cannot be deleted is left to the system. */
    public static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            // a temporary directory; the system cleans it
        }
    }
}
