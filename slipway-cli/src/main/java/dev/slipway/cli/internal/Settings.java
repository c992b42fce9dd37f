package dev.slipway.cli.internal;

import dev.slipway.migrate.ConfigKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Merged settings, later sources winning: built-in defaults, {@code slipway.properties} in the working
 * directory, {@code SLIPWAY_*} environment variables, then command-line flags.
 */
public final class Settings {

    public static final String PROPERTIES_FILE = "slipway.properties";
    public static final String DEV_DATA_DIR = "slipway.dev.data.dir";

    private final Map<String, String> values = new HashMap<>();

    private Settings() {}

    public static Settings load(Path cwd, Map<String, String> env, Map<String, String> flags) {
        Settings settings = new Settings();
        settings.values.put(ConfigKeys.SCHEMA.key(), "schema.sql");
        settings.values.put(ConfigKeys.MIGRATIONS.key(), "migrations");
        settings.values.put(DEV_DATA_DIR, ".slipway/postgres");
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
        for (ConfigKeys key : ConfigKeys.values()) {
            String value = env.get(key.env());
            if (value != null && !value.isEmpty()) settings.values.put(key.key(), value);
        }
        String devDir = env.get("SLIPWAY_DEV_DATA_DIR");
        if (devDir != null && !devDir.isEmpty()) settings.values.put(DEV_DATA_DIR, devDir);
        flags.forEach((k, v) -> {
            if (v != null) settings.values.put(k, v);
        });
        return settings;
    }

    public String get(String key) {
        return values.get(key);
    }

    public String get(ConfigKeys key) {
        return values.get(key.key());
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
