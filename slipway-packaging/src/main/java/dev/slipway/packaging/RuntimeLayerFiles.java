package dev.slipway.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a custom runtime layer that {@code slipway runtime-layer} writes and the CDK construct and
 * {@code slipway up} check before they use it: which function zip its AOT cache was trained on, and for which
 * architecture its JVM is.
 */
public final class RuntimeLayerFiles {

    /** The SHA-256 of the function zip the layer's AOT cache was trained on. */
    public static final String TRAINED_ON = "slipway-runtime/function.sha256";

    /** Lambda's name of the layer's architecture: {@code x86_64} or {@code arm64}. */
    public static final String ARCHITECTURE = "slipway-runtime/architecture";

    private RuntimeLayerFiles() {}

    /** The text of {@code entry} in {@code layerZip}, stripped; refuses a zip that is not such a layer. */
    public static String read(Path layerZip, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(layerZip.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                throw new IllegalArgumentException(layerZip + " is not a Slipway custom runtime layer (no " + entry
                        + "). Build it with slipway runtime-layer.");
            }
            try (InputStream in = zip.getInputStream(found)) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            }
        }
    }
}
