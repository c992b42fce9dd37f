package dev.slipway.cli.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> jars = new ArrayList<>();
        for (String name : MARKER_CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, RuntimeClient.class.getClassLoader());
                jars.add(Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException(
                        "The local Lambda runtime is missing from the CLI (" + name
                                + "). Rebuild it: ./mvnw -pl slipway-cli -am install -DskipTests",
                        e);
            }
        }
        return jars;
    }
}
