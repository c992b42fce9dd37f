package dev.slipway.local.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaZipsTest {

    @Test
    /**
     * Executables come back 0755 and other files 0644 whatever their owner-only bits were: Lambda keeps the mode bits,
     * runs the code as a user that does not own the files, and asks for 644 and 755 ("Permission denied" in
     * https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-deployment.html).
     */
    void aZippedTree_unzipsWithItsExecutableBits_asLambdaKeepsThem_normalisedTo755And644(@TempDir Path dir)
            throws Exception {
        Path tree = Files.createDirectories(dir.resolve("opt/java/bin"));
        Files.writeString(dir.resolve("opt/bootstrap"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("opt/bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tree.resolve("java"), "binary");
        Files.setPosixFilePermissions(tree.resolve("java"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(dir.resolve("opt/readme"), "text");
        Files.setPosixFilePermissions(dir.resolve("opt/readme"), PosixFilePermissions.fromString("rw-------"));

        Path zip = dir.resolve("layer.zip");
        LambdaZips.zip(dir.resolve("opt"), zip);
        LambdaZips.unzip(zip, dir.resolve("back"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("back/bootstrap"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("back/java/bin/java"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("back/readme"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve("back/java/bin/java"))).isEqualTo("binary");
        // the mode bits are where Lambda (and unzip) read them: the entry's external attributes, Unix host
        try (ZipFile read = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(read.entries()).stream().map(ZipEntry::getName))
                    .contains("bootstrap", "java/bin/java", "readme");
        }
        Process unzip = new ProcessBuilder("unzip", "-Z", zip.toString(), "bootstrap")
                .redirectErrorStream(true)
                .start();
        String listing = new String(unzip.getInputStream().readAllBytes());
        if (unzip.waitFor() == 0) assertThat(listing).startsWith("-rwxr-xr-x");
    }

    @Test
    void theSameTree_givesTheSameZipBytes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("t/a"));
        Files.writeString(dir.resolve("t/a/one"), "1");
        Files.writeString(dir.resolve("t/two"), "2");
        LambdaZips.zip(dir.resolve("t"), dir.resolve("first.zip"));
        Files.setLastModifiedTime(dir.resolve("t/two"), java.nio.file.attribute.FileTime.fromMillis(0));
        LambdaZips.zip(dir.resolve("t"), dir.resolve("second.zip"));
        assertThat(Files.readAllBytes(dir.resolve("second.zip")))
                .isEqualTo(Files.readAllBytes(dir.resolve("first.zip")));
    }

    @Test
    void jarOnlyZip_movesTheRootIntoLibAppJar_andKeepsLib_reproducibly(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("function.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"com/example/Handler.class", "routes", "lib/dep.jar"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes());
                out.closeEntry();
            }
        }
        Path jars = JarOnlyZip.of(zip, dir.resolve("jars.zip"));
        try (ZipFile read = new ZipFile(jars.toFile())) {
            assertThat(Collections.list(read.entries()).stream().map(ZipEntry::getName))
                    .containsExactlyInAnyOrder("lib/dep.jar", JarOnlyZip.APP_JAR);
            Path app = dir.resolve("app.jar");
            Files.copy(read.getInputStream(read.getEntry(JarOnlyZip.APP_JAR)), app);
            try (ZipFile appJar = new ZipFile(app.toFile())) {
                assertThat(Collections.list(appJar.entries()).stream().map(ZipEntry::getName))
                        .containsExactlyInAnyOrder("com/example/Handler.class", "routes");
            }
        }
        Path again = JarOnlyZip.of(zip, dir.resolve("again.zip"));
        assertThat(dev.slipway.packaging.FileHash.sha256(again)).isEqualTo(dev.slipway.packaging.FileHash.sha256(jars));
    }
}
