package dev.slipway.cli.local;

import dev.slipway.core.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A function as {@code slipway.properties} declares it: {@code slipway.function.NAME.handler} and
 * {@code slipway.function.NAME.artifact} (a Lambda zip; {@code ${engine}} is replaced by postgresql or mysql).
 */
public record FunctionSpec(String name, String handler, Path artifact) {

    static final String PREFIX = Setting.FUNCTION_HANDLER.key().replaceFirst("NAME.*", "");

    /** Every function declared in {@code settings}, artifacts resolved against {@code projectDir}. */
    public static List<FunctionSpec> all(Map<String, String> settings, Path projectDir, String engine) {
        TreeSet<String> names = new TreeSet<>();
        settings.keySet().stream()
                .filter(k -> k.startsWith(PREFIX) && k.endsWith(".handler"))
                .forEach(k -> names.add(k.substring(PREFIX.length(), k.length() - ".handler".length())));
        List<FunctionSpec> specs = new ArrayList<>();
        for (String name : names) {
            String artifact = settings.get(PREFIX + name + ".artifact");
            if (artifact == null) {
                throw new IllegalArgumentException("slipway.properties declares function '" + name + "' without "
                        + PREFIX + name + ".artifact (the path of its Lambda zip).");
            }
            specs.add(new FunctionSpec(
                    name,
                    settings.get(PREFIX + name + ".handler"),
                    projectDir.resolve(artifact.replace("${engine}", engine))));
        }
        return specs;
    }
}
