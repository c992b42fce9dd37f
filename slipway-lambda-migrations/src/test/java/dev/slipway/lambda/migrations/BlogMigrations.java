package dev.slipway.lambda.migrations;

import dev.slipway.schema.MigrationGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The blog's first schema (fixtures/blog-v1.sql) as schema.sql in {@code dir}, and its V1 for both engines. */
final class BlogMigrations {

    private BlogMigrations() {}

    /** Writes {@code dir/schema.sql} and {@code dir/migrations/{postgresql,mysql}/V1__init.sql}. */
    static void init(Path dir) throws IOException {
        try (InputStream in = BlogMigrations.class.getResourceAsStream("/fixtures/blog-v1.sql")) {
            Files.copy(in, dir.resolve("schema.sql"));
        }
        MigrationGenerator generator = new MigrationGenerator(dir.resolve("schema.sql"), dir.resolve("migrations"));
        generator.write(generator.plan("init").orElseThrow());
    }
}
