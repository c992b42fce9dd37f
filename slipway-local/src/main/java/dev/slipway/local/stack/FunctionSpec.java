package dev.slipway.local.stack;

import dev.slipway.core.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A function as {@code slipway.properties} declares it: {@code slipway.function.NAME.handler},
 * {@code slipway.function.NAME.artifact} (a Lambda zip; {@code ${engine}} is replaced by postgresql or mysql) and,
 * optionally, {@code slipway.function.NAME.runtime-layer} (the custom runtime built for it by
 * {@code slipway runtime-layer}; {@code null} when not declared).
 */
public record FunctionSpec(String name, String handler, Path artifact, Path runtimeLayer) {

    public FunctionSpec(String name, String handler, Path artifact) {
        this(name, handler, artifact, null);
    }

    /** Every function declared in {@code settings}, artifacts resolved against {@code projectDir}. */
    public static List<FunctionSpec> all(Map<String, String> settings, Path projectDir, String engine) {
        TreeSet<String> names = new TreeSet<>();
        settings.keySet().forEach(k -> Setting.FUNCTION_HANDLER.nameIn(k).ifPresent(names::add));
        List<FunctionSpec> specs = new ArrayList<>();
        for (String name : names) {
            String artifact = settings.get(Setting.FUNCTION_ARTIFACT.key(name));
            if (artifact == null) {
                throw new IllegalArgumentException("slipway.properties declares function '" + name + "' without "
                        + Setting.FUNCTION_ARTIFACT.key(name) + " (the path of its Lambda zip).");
            }
            String layer = settings.get(Setting.FUNCTION_RUNTIME_LAYER.key(name));
            specs.add(new FunctionSpec(
                    name,
                    settings.get(Setting.FUNCTION_HANDLER.key(name)),
                    projectDir.resolve(artifact.replace("${engine}", engine)),
                    layer == null ? null : projectDir.resolve(layer.replace("${engine}", engine))));
        }
        return specs;
    }
}
