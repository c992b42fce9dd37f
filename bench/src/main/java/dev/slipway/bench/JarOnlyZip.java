package dev.slipway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Repackages a Lambda zip so that the root classes become {@code lib/app.jar}: AppCDS cannot archive classes
 * loaded from a directory on the class path ("non-empty directory"), and a zip's root is one.
 */
final class JarOnlyZip {
    private JarOnlyZip() {}

    static Path of(Path zip, Path target) throws IOException {
        Path appJar = Files.createTempFile("app", ".jar");
        try (ZipFile in = new ZipFile(zip.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
                ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(appJar))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (entry.isDirectory()) continue;
                boolean dependency = entry.getName().startsWith("lib/");
                ZipOutputStream into = dependency ? out : app;
                into.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(into);
                into.closeEntry();
            }
            app.finish();
            out.putNextEntry(new ZipEntry("lib/app.jar"));
            Files.copy(appJar, out);
            out.closeEntry();
        }
        return target;
    }
}
