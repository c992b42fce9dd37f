package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enum types (issue 22, item 3): PostgreSQL's {@code create type ... as enum} is the schema.sql spelling; MySQL gets
 * the same values, in the same order, inline on each column. Values may be appended; anything else is refused with
 * the line of the type.
 */
class EnumTypesTest {

    private static final String V1 = """
            create type mood as enum ('happy', 'sad', 'it''s');
            create table person (
              id bigint primary key,
              mood mood not null default 'sad',
              previous mood
            );
            create index person_mood on person (mood);
            """;

    @TempDir
    Path project;

    @Test
    void anEnumType_isCreatedOnPostgreSQL_andInlinedOnEachMySQLColumn_comparedByteForByte() throws IOException {
        MigrationGenerator generator = generator(V1);

        generator.write(generator.plan("init").orElseThrow());

        assertThat(pg(1))
                .contains("create type mood as enum ('happy', 'sad', 'it''s');")
                .contains("mood mood not null default 'sad'")
                .contains("previous mood,");
        assertThat(pg(1).indexOf("create type")).isLessThan(pg(1).indexOf("create table"));
        assertThat(my(1))
                .contains("mood enum('happy', 'sad', 'it''s') collate utf8mb4_bin not null default 'sad'")
                .contains("previous enum('happy', 'sad', 'it''s') collate utf8mb4_bin,")
                .doesNotContain("create type");
        assertThat(generator.plan("again"))
                .as("the migrations replay to schema.sql")
                .isEmpty();
    }

    @Test
    void anAppendedValue_isAddedToThePostgreSQLType_andEachMySQLColumnIsRedefined() throws IOException {
        MigrationGenerator generator = generator(V1);
        generator.write(generator.plan("init").orElseThrow());

        Files.writeString(project.resolve("schema.sql"), V1.replace("'it''s')", "'it''s', 'meh')"));
        generator.write(generator.plan("more_moods").orElseThrow());

        assertThat(pg(2)).contains("alter type mood add value 'meh';").doesNotContain("alter table");
        assertThat(my(2))
                .contains("alter table person modify column mood enum('happy', 'sad', 'it''s', 'meh') collate"
                        + " utf8mb4_bin not null default 'sad';")
                .contains("alter table person modify column previous enum('happy', 'sad', 'it''s', 'meh')");
        assertThat(generator.plan("again")).isEmpty();
    }

    @Test
    void aTypeNoLongerDeclared_isDroppedAfterItsLastColumn() throws IOException {
        MigrationGenerator generator = generator(V1);
        generator.write(generator.plan("init").orElseThrow());

        Files.writeString(project.resolve("schema.sql"), "create table person (id bigint primary key);\n");
        generator.write(generator.plan("no_moods").orElseThrow());

        assertThat(pg(2).indexOf("drop type mood")).isGreaterThan(pg(2).indexOf("drop column previous"));
        assertThat(my(2)).doesNotContain("type");
        assertThat(generator.plan("again")).isEmpty();
    }

    @Test
    void aValueRemovedOrMoved_isRefused_withTheLineOfTheType() throws IOException {
        MigrationGenerator generator = generator(V1);
        generator.write(generator.plan("init").orElseThrow());

        Files.writeString(project.resolve("schema.sql"), "\n" + V1.replace("'happy', 'sad'", "'sad', 'happy'"));

        assertThatThrownBy(() -> generator.plan("reorder"))
                .hasMessageContaining("schema.sql:2: Enum type mood changes from [happy, sad, it's] to [sad, happy,")
                .hasMessageContaining("only values appended at the end");
    }

    @Test
    void aColumnChangingIntoAnEnum_isRefused_withItsLine_becausePostgreSQLNeedsUsing() throws IOException {
        MigrationGenerator generator = generator(V1.replace("previous mood", "previous text"));
        generator.write(generator.plan("init").orElseThrow());

        Files.writeString(project.resolve("schema.sql"), V1);

        assertThatThrownBy(() -> generator.plan("into_enum"))
                .hasMessageContaining("schema.sql:5: Column person.previous changes type from text to mood")
                .hasMessageContaining("USING");
    }

    @Test
    void aLabelAddedAndMadeADefaultInOneMigration_isRefused_withTheTwoStepsThatWork() throws IOException {
        MigrationGenerator generator = generator(V1);
        generator.write(generator.plan("init").orElseThrow());

        Files.writeString(
                project.resolve("schema.sql"),
                V1.replace("'it''s')", "'it''s', 'meh')").replace("default 'sad'", "default 'meh'"));

        assertThatThrownBy(() -> generator.plan("meh"))
                .hasMessageContaining("schema.sql:4: Column person.mood gets the default 'meh', a value enum type mood"
                        + " gains in this same migration")
                .hasMessageContaining("Run migrate dev twice");
    }

    @Test
    void whatBothEnginesWouldNotKeep_isRefused_withItsLine() {
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", "\ncreate type t as enum ('a ', 'b');\n"))
                .hasMessageStartingWith("schema.sql:2: type t: the value 'a ' ends in blanks");
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", "create type t as enum ('a', 'a');\n"))
                .hasMessageStartingWith("schema.sql:1: type t: the value 'a' appears twice");
        assertThatThrownBy(() -> SchemaReader.readSql(
                        "schema.sql", "create type t as enum ('a');\n\ncreate type t as enum ('b');\n"))
                .hasMessageStartingWith("schema.sql:1: type t is declared twice");
    }

    private MigrationGenerator generator(String schema) throws IOException {
        Files.writeString(project.resolve("schema.sql"), schema);
        return new MigrationGenerator(project.resolve("schema.sql"), project.resolve("migrations"));
    }

    private String pg(int version) throws IOException {
        return read("postgresql", version);
    }

    private String my(int version) throws IOException {
        return read("mysql", version);
    }

    private String read(String engine, int version) throws IOException {
        try (var files = Files.list(project.resolve("migrations").resolve(engine))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("V" + version + "__"))
                    .findFirst()
                    .orElseThrow();
            return Files.readString(file);
        }
    }
}
