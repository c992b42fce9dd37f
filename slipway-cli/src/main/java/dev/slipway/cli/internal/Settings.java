package dev.slipway.cli.internal;

import dev.slipway.core.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Merged settings, later sources winning: the defaults of {@link Setting}, {@code slipway.properties} in the working
 * directory, {@code SLIPWAY_*} environment variables (every setting, families such as
 * {@code SLIPWAY_FUNCTION_API_HANDLER} included), then command-line flags.
 */
public final class Settings {

    public static final String PROPERTIES_FILE = "slipway.properties";

    private final Map<String, String> values = new HashMap<>();

    private Settings() {}

    public static Settings load(Path cwd, Map<String, String> env, Map<String, String> flags) {
        Settings settings = new Settings();
        for (Setting setting : Setting.values()) {
            if (!setting.isFamily()) setting.defaultValue().ifPresent(v -> settings.values.put(setting.key(), v));
        }
        Path file = cwd.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(k -> settings.values.put(k, properties.getProperty(k)));
        }
        env.forEach((variable, value) -> {
            if (value == null || value.isEmpty()) return;
            Setting.keyForEnv(variable).ifPresent(key -> settings.values.put(key, value));
        });
        flags.forEach((k, v) -> {
            if (v != null) settings.values.put(k, v);
        });
        return settings;
    }

    public String get(String key) {
        return values.get(key);
    }

    public String get(Setting setting) {
        return values.get(setting.key());
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
