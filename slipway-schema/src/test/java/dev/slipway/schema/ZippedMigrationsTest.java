package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A migration zip is current when it holds the project's migrations of the engine, and refused when it does not. */
class ZippedMigrationsTest {

    @TempDir
    Path dir;

    private Path zipOf(String... namesAndContents) throws IOException {
        Path zip = dir.resolve("migrations-" + System.nanoTime() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("dev/slipway/Runner.class"));
            out.write(new byte[] {1, 2, 3});
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry("migrations/postgresql/" + namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }

    @Test
    void aZipWithTheProjectsMigrations_isCurrent_andOneBuiltBeforeAChange_isRefusedWithTheFix() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations/postgresql"));
        Files.writeString(migrations.resolve("V1__init.sql"), "create table a (id int primary key);\n");
        Path zip = zipOf("V1__init.sql", "create table a (id int primary key);\n");

        ZippedMigrations.requireCurrent(dir.resolve("migrations"), zip, Engine.POSTGRESQL, "Build it again.");
        assertThat(ZippedMigrations.hash(zip, Engine.POSTGRESQL))
                .isEqualTo(MigrationsHash.of(new MigrationDirectory(dir.resolve("migrations")), Engine.POSTGRESQL));

        Files.writeString(migrations.resolve("V2__more.sql"), "create table b (id int primary key);\n");

        assertThatThrownBy(() -> ZippedMigrations.requireCurrent(
                        dir.resolve("migrations"), zip, Engine.POSTGRESQL, "Build it again."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds other postgresql migrations than")
                .hasMessageContaining("Build it again.");
    }
}
