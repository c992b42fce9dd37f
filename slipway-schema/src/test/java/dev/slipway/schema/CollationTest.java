package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collate "C"} (issue 22, item 3): text compared and sorted by code point on both engines. PostgreSQL keeps
 * the clause; MySQL's text is utf8mb4_bin anyway, which sorts the same. MySQL's own spelling, {@code collate
 * utf8mb4_bin}, means the same.
 */
class CollationTest {

    @TempDir
    Path project;

    @Test
    void collateC_andUtf8mb4Bin_areCarriedAsByteOrder_andAChangeOfItMigratesPostgreSQLOnly() throws IOException {
        Path schema = project.resolve("schema.sql");
        Files.writeString(schema, """
                create table account (
                  id bigint primary key,
                  code varchar(20) collate "C" not null unique,
                  handle text collate utf8mb4_bin,
                  name text
                );
                """);
        MigrationGenerator generator = new MigrationGenerator(schema, project.resolve("migrations"));
        generator.write(generator.plan("init").orElseThrow());

        assertThat(Files.readString(project.resolve("migrations/postgresql/V1__init.sql")))
                .contains("code varchar(20) collate \"C\" not null")
                .contains("handle text collate \"C\",")
                .contains("name text,");
        assertThat(Files.readString(project.resolve("migrations/mysql/V1__init.sql")))
                .contains("code varchar(20) collate utf8mb4_bin not null")
                .contains("handle longtext collate utf8mb4_bin,");

        Files.writeString(schema, Files.readString(schema).replace("name text", "name text collate \"C\""));
        generator.write(generator.plan("sort_names").orElseThrow());

        assertThat(Files.readString(project.resolve("migrations/postgresql/V2__sort_names.sql")))
                .contains("alter table account alter column name type text collate \"C\";");
        assertThat(Files.readString(project.resolve("migrations/mysql/V2__sort_names.sql")))
                .doesNotContain("alter table");
        assertThat(generator.plan("again")).isEmpty();
    }
}
