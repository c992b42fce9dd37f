package dev.slipway.schema;

import dev.slipway.core.Engine;
import java.util.List;
import java.util.Map;

/**
 * A migration written from a schema diff: one SQL script per engine, same version and name.
 *
 * @param version the Flyway version
 * @param name the description part of the file name
 * @param changes what the migration does, engine-neutral
 * @param sql the script for each engine
 */
public record GeneratedMigration(String version, String name, List<SchemaChange> changes, Map<Engine, String> sql) {

    public String fileName() {
        return "V" + version + "__" + name + ".sql";
    }
}
