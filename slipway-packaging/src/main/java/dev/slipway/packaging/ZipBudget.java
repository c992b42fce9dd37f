package dev.slipway.packaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a Lambda zip's budget report says: its size, and once it is near or over its budget, the entries that take
 * the most of it (for a handler: jOOQ, Jackson and the JDBC driver are most of it), so a user sees at once what to
 * leave out, or that the budget has to move.
 */
public final class ZipBudget {

    /** From this share of the budget on, the report names the largest entries. */
    static final double NEAR = 0.9;

    private ZipBudget() {}

    /** {@code name: N bytes (budget B)}, and near the budget the largest entries with their compressed sizes. */
    public static String report(Path zip, long size, long budget) throws IOException {
        String line = String.format(Locale.ROOT, "%s: %,d bytes (budget %,d)", zip.getFileName(), size, budget);
        if (size < NEAR * budget) return line;
        return line + "; the largest entries: " + largest(zip, 6);
    }

    static String largest(Path zip, int count) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream()
                    .filter(entry -> !entry.isDirectory())
                    .sorted(Comparator.comparingLong(ZipEntry::getCompressedSize)
                            .reversed())
                    .limit(count)
                    .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getName(), entry.getCompressedSize()))
                    .collect(Collectors.joining(", "));
        }
    }
}
