package dev.slipway.local.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A Lambda zip repackaged so that its root (the function's classes and resources) becomes {@code lib/app.jar}:
 * an AOT cache or AppCDS archive holds only classes loaded from jars ("non-empty directory" on the class path
 * stops it), and a zip's root is a directory on Lambda's class path. Lambda's Java runtimes and the custom runtime
 * load the result the same way: {@code lib/*.jar}.
 */
public final class JarOnlyZip {

    /** The jar that the zip's root classes and resources go into. */
    public static final String APP_JAR = "lib/app.jar";

    private JarOnlyZip() {}

    /** Writes {@code target} from {@code zip}: its lib/ as is, everything else as {@link #APP_JAR}. */
    public static Path of(Path zip, Path target) throws IOException {
        Path appJar = Files.createTempFile("app", ".jar");
        try {
            try (ZipFile in = new ZipFile(zip.toFile());
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
                    ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(appJar))) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    if (entry.isDirectory()) continue;
                    boolean dependency = entry.getName().startsWith("lib/");
                    ZipOutputStream into = dependency ? out : app;
                    into.putNextEntry(fixedTime(new ZipEntry(entry.getName())));
                    in.getInputStream(entry).transferTo(into);
                    into.closeEntry();
                }
                app.finish();
                out.putNextEntry(fixedTime(new ZipEntry(APP_JAR)));
                Files.copy(appJar, out);
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(appJar);
        }
        return target;
    }

    private static ZipEntry fixedTime(ZipEntry entry) {
        entry.setLastModifiedTime(LambdaZips.FIXED_TIME);
        return entry;
    }
}
