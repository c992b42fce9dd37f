package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationFileTest {

    @Test
    void versionsSortAsNumbers_partByPart_likeFlyway() {
        List<MigrationFile> files = new ArrayList<>();
        for (String name : List.of("V10__ten.sql", "V2__two.sql", "V1_1__one_one.sql", "V1__one.sql", "V1_10__x.sql"))
            files.add(MigrationFile.parse(Path.of("migrations/postgresql", name)));

        files.sort(MigrationFile.BY_VERSION);

        assertThat(files)
                .extracting(MigrationFile::fileName)
                .containsExactly("V1__one.sql", "V1_1__one_one.sql", "V1_10__x.sql", "V2__two.sql", "V10__ten.sql");
        assertThat(files.get(0).description()).isEqualTo("one");
        assertThat(files.get(2).major()).hasToString("1");
    }

    @Test
    void filesThatAreNotVersionedMigrations_areNotMigrations() {
        assertThat(MigrationFile.parse(Path.of("migrations/postgresql/README.md")))
                .isNull();
        assertThat(MigrationFile.parse(Path.of("migrations/postgresql/R__views.sql")))
                .isNull();
        assertThat(MigrationFile.parse(Path.of("migrations/postgresql/V1_init.sql")))
                .isNull();
    }
}
