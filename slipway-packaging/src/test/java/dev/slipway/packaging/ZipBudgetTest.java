package dev.slipway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipBudgetTest {

    @TempDir
    Path dir;

    private Path zip() throws IOException {
        Path zip = dir.resolve("api.zip");
        Random random = new Random(1); // random bytes do not compress: an entry's size is its length
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream entries = new ZipOutputStream(out)) {
            for (String[] entry :
                    new String[][] {{"lib/small.jar", "1000"}, {"lib/big.jar", "50000"}, {"A.class", "300"}}) {
                byte[] bytes = new byte[Integer.parseInt(entry[1])];
                random.nextBytes(bytes);
                entries.putNextEntry(new ZipEntry(entry[0]));
                entries.write(bytes);
            }
        }
        return zip;
    }

    @Test
    void farBelowTheBudget_theReportIsTheSizeOnly() throws IOException {
        Path zip = zip();
        long size = Files.size(zip);

        assertThat(ZipBudget.report(zip, size, size * 2))
                .isEqualTo(String.format(java.util.Locale.ROOT, "api.zip: %,d bytes (budget %,d)", size, size * 2));
    }

    @Test
    void nearOrOverTheBudget_theReportNamesTheLargestEntriesFirst() throws IOException {
        Path zip = zip();
        long size = Files.size(zip);

        assertThat(ZipBudget.report(zip, size, size))
                .containsPattern(
                        "the largest entries: lib/big\\.jar 50,\\d{3}, lib/small\\.jar 1,\\d{3}, A\\.class \\d+$");
    }
}
