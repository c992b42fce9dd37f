package dev.slipway.local.layer;

import dev.slipway.packaging.LambdaZip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        LambdaZip out = new LambdaZip();
        LambdaZip app = new LambdaZip();
        out.unpacked(zip, name -> name.startsWith("lib/"));
        app.unpacked(zip, name -> !name.startsWith("lib/"));
        Path appJar = Files.createTempFile("app", ".jar");
        try {
            app.writeTo(appJar, LambdaZip.ZIP_EPOCH);
            out.file(appJar, APP_JAR).writeTo(target, LambdaZip.ZIP_EPOCH);
        } finally {
            Files.deleteIfExists(appJar);
        }
        return target;
    }
}
