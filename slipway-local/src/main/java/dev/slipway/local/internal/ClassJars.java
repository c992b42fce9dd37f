package dev.slipway.local.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the jars of some classes on the CLI's class path are, wherever the CLI runs from (its lib/ or a Maven repo). */
public final class ClassJars {

    private ClassJars() {}

    /** The jar (or directory) of each class, in order; {@code what} names them in the error when one is missing. */
    public static List<Path> of(String what, String... classNames) {
        List<Path> jars = new ArrayList<>();
        for (String className : classNames) {
            try {
                Class<?> type = Class.forName(className, false, ClassJars.class.getClassLoader());
                jars.add(Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException(
                        what + " is missing from the CLI (" + className
                                + "). Rebuild it: ./mvnw -pl slipway-cli -am install -DskipTests",
                        e);
            }
        }
        return jars;
    }
}
