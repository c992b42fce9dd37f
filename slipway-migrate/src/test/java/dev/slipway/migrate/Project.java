package dev.slipway.migrate;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A throw-away project directory (schema.sql + migrations/) for tests, and helpers to evolve it. */
public final class Project {

    final Path root;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    Project(Path root) {
        this.root = root;
    }

    Path schema() {
        return root.resolve("schema.sql");
    }

    Path migrations() {
        return root.resolve("migrations");
    }

    /** Replaces schema.sql with a test resource and generates the migration for it. */
    Project evolve(String resource, String name) throws IOException {
        useSchema(resource);
        MigrationGenerator generator = new MigrationGenerator(schema(), migrations());
        generator.write(generator.plan(name).orElseThrow());
        return this;
    }

    void useSchema(String resource) throws IOException {
        try (InputStream in = Project.class.getResourceAsStream("/fixtures/" + resource)) {
            Files.copy(in, schema(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void writeMigration(String engine, String fileName, String sql) throws IOException {
        Files.createDirectories(migrations().resolve(engine));
        Files.writeString(migrations().resolve(engine).resolve(fileName), sql);
    }

    Migrator migrator(TestDatabase db) {
        return new Migrator(config(db), MigrationsLocation.directory(migrations()), progress::add);
    }

    public static DatabaseTarget config(TestDatabase db) {
        return DatabaseTarget.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .build();
    }
}
