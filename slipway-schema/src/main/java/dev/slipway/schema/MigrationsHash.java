package dev.slipway.schema;

import dev.slipway.core.Engine;
import dev.slipway.schema.internal.ConstraintNames;
import java.util.List;

/**
 * A SHA-256 over an engine's migration files (names and contents, in version order). Deployments rerun the
 * migration custom resource exactly when this changes.
 */
public final class MigrationsHash {

    private MigrationsHash() {}

    public static String of(MigrationDirectory directory, Engine engine) {
        List<MigrationFile> files = directory.files(engine);
        StringBuilder all = new StringBuilder();
        for (MigrationFile file : files) {
            all.append(file.fileName())
                    .append('\0')
                    .append(SchemaReader.readFile(file.path(), ""))
                    .append('\0');
        }
        return ConstraintNames.hash(all.toString().replace("\r\n", "\n"));
    }

    /** One hash of several: e.g. the migrations' and the runner's version. */
    public static String combine(String... parts) {
        return ConstraintNames.hash(String.join("\0", parts));
    }
}
