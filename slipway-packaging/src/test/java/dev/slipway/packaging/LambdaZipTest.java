package dev.slipway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaZipTest {

    private static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theSameInputs_giveTheSameBytes_inEveryTimeZone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            zip(dir).writeTo(dir.resolve("utc.zip"), BUILD_TIME);
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            zip(dir).writeTo(dir.resolve("new-york.zip"), BUILD_TIME);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            zip(dir).writeTo(dir.resolve("kolkata.zip"), BUILD_TIME);
        } finally {
            TimeZone.setDefault(zone);
        }
        byte[] utc = Files.readAllBytes(dir.resolve("utc.zip"));
        assertThat(Files.readAllBytes(dir.resolve("new-york.zip"))).isEqualTo(utc);
        assertThat(Files.readAllBytes(dir.resolve("kolkata.zip"))).isEqualTo(utc);
    }

    @Test
    void entries_areSorted_firstOfANameWins_andTheirDosTimeReadsAsTheBuildTimeInUtc(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("b.txt"), "from the directory");
        Path zip = dir.resolve("out.zip");
        new LambdaZip()
                .bytes("b.txt", "first".getBytes())
                .directory(dir, "")
                .bytes("a/c.txt", "c".getBytes())
                .writeTo(zip, BUILD_TIME);
        try (ZipFile read = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(read.entries());
            assertThat(entries.stream().map(ZipEntry::getName)).containsExactly("a/c.txt", "b.txt");
            assertThat(new String(read.getInputStream(read.getEntry("b.txt")).readAllBytes()))
                    .isEqualTo("first");
            // the JDK's reader, not this writer, says what the DOS fields hold; no extra fields per entry
            assertThat(entries)
                    .allSatisfy(e -> assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0)));
            assertThat(entries).allSatisfy(e -> assertThat(e.getExtra()).isNullOrEmpty());
        }
    }

    private static LambdaZip zip(Path dir) throws Exception {
        return new LambdaZip().file(dir.resolve("a.txt"), "a.txt");
    }
}
