package dev.slipway.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.migrate.MigrationStatus.State;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedMigrationIT {

    private static final String BROKEN = """
            create table tag (id bigint primary key, name varchar(50) not null);
            alter table post add column tag_id bigint;
            create tabel oops (id int);
            """;

    @TempDir
    Path dir;

    @Test
    void deploy_leavesNothingHalfApplied_onPostgres_whenAMigrationHasASyntaxError() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            // GIVEN V1 applied and a V2 whose third statement is misspelt
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            Migrator migrator = project.migrator(db);
            migrator.deploy();
            project.writeMigration("postgresql", "V2__tags.sql", BROKEN);
            project.writeMigration("mysql", "V2__tags.sql", BROKEN);

            // WHEN it deploys
            // THEN the error names the file and the statement, and says nothing was applied
            assertThatThrownBy(migrator::deploy)
                    .isInstanceOf(MigrateException.class)
                    .satisfies(
                            e -> assertThat(((MigrateException) e).code()).isEqualTo(MigrateErrorCode.MIGRATION_FAILED))
                    .hasMessageContaining("V2__tags.sql")
                    .hasMessageContaining("Statement  : create tabel oops (id int)")
                    .hasMessageNotContaining("-X option")
                    .hasMessageContaining("nothing of it is applied");
            assertThat(tableExists(db, "tag")).isFalse();
            assertThat(migrator.status().currentVersion()).isEqualTo("1");
            assertThat(migrator.status().pending())
                    .extracting(MigrationStatus.Entry::version)
                    .containsExactly("2");
        }
    }

    @Test
    void status_showsTheFailureAndTheRepairPath_onMysql_andRepairLetsAFixedFileRun() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            Migrator migrator = project.migrator(db);
            migrator.deploy();
            project.writeMigration("mysql", "V2__tags.sql", BROKEN);
            project.writeMigration("postgresql", "V2__tags.sql", BROKEN);

            assertThatThrownBy(migrator::deploy).hasMessageContaining("slipway migrate repair");

            // MySQL commits each DDL statement: the first two are in place, and status says so and what to do
            MigrationStatus status = migrator.status();
            assertThat(status.migrations())
                    .extracting(MigrationStatus.Entry::state)
                    .containsExactly(State.APPLIED, State.FAILED);
            assertThat(status.problems())
                    .singleElement()
                    .asString()
                    .contains("V2 (tags) failed")
                    .contains("undo them by hand")
                    .contains("slipway migrate repair");
            assertThat(tableExists(db, "tag")).isTrue();

            // WHEN the user undoes the partial work, fixes the file and repairs
            try (Connection c = db.connect()) {
                c.createStatement().execute("drop table tag");
                c.createStatement().execute("alter table post drop column tag_id");
            }
            project.writeMigration("mysql", "V2__tags.sql", BROKEN.replace("tabel", "table"));
            migrator.repair();

            // THEN deploy applies V2 and the status is clean
            assertThat(migrator.deploy().applied()).containsExactly("2");
            assertThat(migrator.status().upToDate()).isTrue();
        }
    }

    private static boolean tableExists(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
            return rs.next();
        }
    }
}
