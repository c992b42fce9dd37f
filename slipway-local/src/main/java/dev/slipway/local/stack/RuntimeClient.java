package dev.slipway.local.stack;

import dev.slipway.local.internal.ClassJars;
import java.nio.file.Path;
import java.util.List;

/** Where the jars of the container bootstrap are, wherever the CLI runs from (its lib/ or a Maven repo). */
final class RuntimeClient {

    private static final String[] MARKER_CLASSES = {
        "dev.slipway.local.runtime.Bootstrap",
        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
        "com.amazonaws.services.lambda.runtime.Context"
    };

    private RuntimeClient() {}

    static List<String> jars() {
        return ClassJars.of("The local Lambda runtime", MARKER_CLASSES).stream()
                .map(Path::toString)
                .toList();
    }
}
