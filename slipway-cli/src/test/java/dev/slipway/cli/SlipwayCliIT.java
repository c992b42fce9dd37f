package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

class SlipwayCliIT extends CliTestBase {

    private void schema(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + resource)) {
            Files.copy(in, cwd.resolve("schema.sql"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void migrateDev_usesTheEmbeddedPostgres_whenNoUrlIsConfigured() throws IOException {
        schema("blog-v1.sql");

        assertThat(slipway("migrate", "dev", "--name", "init")).isEqualTo(ExitCodes.OK);

        assertThat(out()).contains("Wrote migrations/postgresql/V1__init.sql", "Wrote migrations/mysql/V1__init.sql");
        assertThat(err()).contains("embedded development PostgreSQL");
        assertThat(cwd.resolve(".slipway/postgres")).isDirectory();
        // the data directory is kept: status in a new process-like run sees V1 applied
        assertThat(slipway("migrate", "status")).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("APPLIED  V1").contains("Up to date.");
    }

    @Test
    void migrateDev_refusesDestructiveChanges_untilAllowed_onMysql() throws IOException {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            env.put("SLIPWAY_URL", db.url());
            env.put("SLIPWAY_USER", db.user());
            schema("blog-v1.sql");
            assertThat(slipway("migrate", "dev", "--name", "init")).isEqualTo(ExitCodes.OK);

            schema("blog-v2.sql");
            assertThat(slipway("migrate", "dev", "--name", "comments")).isEqualTo(ExitCodes.LINT_FINDINGS);
            assertThat(out()).contains("DS102 [destructive] post.body").contains("--allow-destructive");
            assertThat(cwd.resolve("migrations/mysql/V2__comments.sql")).doesNotExist();

            assertThat(slipway("migrate", "dev", "--name", "comments", "--allow-destructive"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("Applied 2; now at version 2.");
            assertThat(slipway("migrate", "check")).isEqualTo(ExitCodes.OK);
            // the accepted finding is recorded in both files; lint reports only what was not reviewed yet
            for (String engine : new String[] {"postgresql", "mysql"}) {
                assertThat(cwd.resolve("migrations/" + engine + "/V2__comments.sql"))
                        .content()
                        .containsPattern("-- slipway:lint-ignore DS102 \\(accepted with migrate dev"
                                + " --allow-destructive\\)\n\\s*alter table `?post`? drop");
            }
            assertThat(slipway("migrate", "lint")).isEqualTo(ExitCodes.LINT_FINDINGS);
            assertThat(out())
                    .doesNotContain("DS102")
                    .contains("migrations/postgresql/V2__comments.sql")
                    .contains("LK101")
                    .contains("1 finding(s) in 4 file(s).");
        }
    }

    @Test
    void migrateDev_refusesANotNullColumnWithoutDefault_onAnExistingTable_evenWhenDestructiveIsAllowed()
            throws IOException {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            env.put("SLIPWAY_URL", db.url());
            env.put("SLIPWAY_USER", db.user());
            Files.writeString(cwd.resolve("schema.sql"), "create table tag (id bigint primary key);\n");
            assertThat(slipway("migrate", "dev", "--name", "init")).isEqualTo(ExitCodes.OK);

            Files.writeString(
                    cwd.resolve("schema.sql"),
                    "create table tag (id bigint primary key, name varchar(50) not null);\n");
            assertThat(slipway("migrate", "dev", "--name", "tag_name", "--allow-destructive"))
                    .isEqualTo(ExitCodes.LINT_FINDINGS);

            assertThat(out())
                    .contains("BC102")
                    .contains("engines would disagree")
                    .contains("give the column a DEFAULT");
            assertThat(cwd.resolve("migrations/postgresql/V2__tag_name.sql")).doesNotExist();
            assertThat(cwd.resolve("migrations/mysql/V2__tag_name.sql")).doesNotExist();

            Files.writeString(
                    cwd.resolve("schema.sql"),
                    "create table tag (id bigint primary key, name varchar(50) not null default '');\n");
            assertThat(slipway("migrate", "dev", "--name", "tag_name")).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void aJdbcMysqlUrl_works_likeAMariadbOne() throws IOException {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            String url = db.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            schema("blog-v1.sql");

            assertThat(slipway("migrate", "dev", "--name", "init", "--url", url, "--user", db.user()))
                    .isEqualTo(ExitCodes.OK);
            assertThat(slipway("migrate", "status", "--url", url, "--user", db.user()))
                    .isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("APPLIED  V1").contains("Up to date.");
        }
    }

    @Test
    void migrateCheck_exitsOne_whenSchemaSqlChangedWithoutAMigration() throws IOException {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            schema("blog-v1.sql");
            slipway("migrate", "dev", "--name", "init", "--create-only");
            schema("blog-v2.sql");

            assertThat(slipway("migrate", "check", "--url", db.url(), "--user", db.user()))
                    .isEqualTo(ExitCodes.FAILED);
            assertThat(out())
                    .contains("missing from the migrations: create table comment")
                    .contains("slipway migrate dev");
            assertThat(slipway("migrate", "check", "--offline")).isEqualTo(ExitCodes.FAILED);
        }
    }

    @Test
    void settings_comeFromSlipwayProperties_andFlagsWin() throws IOException {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            Files.createDirectories(cwd.resolve("db"));
            try (InputStream in = getClass().getResourceAsStream("/fixtures/blog-v1.sql")) {
                Files.copy(in, cwd.resolve("db/model.sql"));
            }
            Files.writeString(
                    cwd.resolve("slipway.properties"),
                    "slipway.schema=db/model.sql\n" + "slipway.migrations=db/migrations\nslipway.url=" + db.url()
                            + "\nslipway.user=" + db.user() + "\n");

            assertThat(slipway("migrate", "dev", "--name", "init")).isEqualTo(ExitCodes.OK);
            assertThat(cwd.resolve("db/migrations/postgresql/V1__init.sql")).exists();
            assertThat(slipway(
                            "migrate",
                            "status",
                            "--url",
                            "jdbc:postgresql://127.0.0.1:1/nowhere",
                            "--connect-timeout",
                            "1"))
                    .isEqualTo(ExitCodes.FAILED);
            assertThat(err()).contains("did not accept connections within 1 s");
        }
    }

    @Test
    void reset_exitsTwo_withoutTheConfirmationFlag() throws IOException {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            env.put("SLIPWAY_URL", db.url());
            env.put("SLIPWAY_USER", db.user());
            schema("blog-v1.sql");
            slipway("migrate", "dev", "--name", "init");

            assertThat(slipway("migrate", "reset")).isEqualTo(ExitCodes.USAGE);
            assertThat(err()).contains("--i-understand-this-deletes-all-data");

            env.put("SLIPWAY_ALLOW_RESET", "true");
            assertThat(slipway("migrate", "reset")).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("Applied 1");
        }
    }

    @Test
    void schemaHash_changesExactlyWhenAMigrationChanges() throws IOException {
        schema("blog-v1.sql");
        slipway("migrate", "dev", "--name", "init", "--create-only");
        slipway("schema", "hash", "--engine", "postgresql");
        String first = out().strip();
        slipway("schema", "hash", "--engine", "postgresql");
        assertThat(out().strip()).isEqualTo(first).hasSize(64);

        Files.writeString(
                cwd.resolve("migrations/postgresql/V1__init.sql"),
                "\n-- edit",
                java.nio.file.StandardOpenOption.APPEND);
        slipway("schema", "hash", "--engine", "postgresql");
        assertThat(out().strip()).isNotEqualTo(first);
    }

    @Test
    void migrateStatus_whereThereAreNoMigrations_saysSo_withoutStartingADatabase() {
        assertThat(slipway("migrate", "status")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("No migrations directory at", "migrate dev --name init");
        assertThat(cwd.resolve(".slipway"))
                .as("no embedded PostgreSQL was unpacked")
                .doesNotExist();
    }

    @Test
    void usageErrors_exitTwo_andSayWhatIsWrong() {
        assertThat(slipway("migrate", "dev")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("Missing required option: '--name=<name>'");
        assertThat(slipway("migrate", "deploy", "--engine", "oracle", "--url", "jdbc:postgresql://x/y"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("Unknown engine 'oracle'");
        assertThat(slipway("migrate", "dev", "--name", "x", "--create-only")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("schema.sql does not exist");
        // a URL as libpq and most ORMs write it names the JDBC URL to use, at once, with --engine too
        assertThat(slipway("migrate", "status", "--engine", "postgresql", "--url", "postgres://ada:pw@db:5432/app"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("use jdbc:postgresql://db:5432/app.").doesNotContain("pw@");
    }

    @Test
    void dataApiServe_withoutAUrl_servesTheEmbeddedDevelopmentDatabase() throws Exception {
        Thread serving = new Thread(() -> slipway("data-api", "serve", "--port", "0"));
        serving.start();
        try {
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            java.util.regex.Matcher endpoint;
            do {
                Thread.sleep(200);
                endpoint = java.util.regex.Pattern.compile("Data API: (http://\\S+)")
                        .matcher(out());
            } while (!endpoint.find() && serving.isAlive() && System.nanoTime() < deadline);
            assertThat(out()).contains("database: the embedded development PostgreSQL");

            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint.group(1) + "/Execute"))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "{\"resourceArn\":\"arn:aws:rds:us-east-1:123456789012:cluster:local\","
                                                    + "\"secretArn\":\"arn:aws:secretsmanager:us-east-1:1:secret:x\","
                                                    + "\"sql\":\"select version()\"}"))
                                    .header("content-type", "application/json")
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("PostgreSQL");
        } finally {
            serving.interrupt();
            serving.join(30_000);
        }
    }

    @Test
    void aMigrationThePostgresDevDatabaseRefuses_leavesNoFilesBehind_soTheFixedRerunWritesIt() throws IOException {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            env.put("SLIPWAY_URL", db.url());
            env.put("SLIPWAY_USER", db.user());
            // jOOQ takes the comparison; PostgreSQL refuses 'none' as an integer when it creates the check
            Files.writeString(
                    cwd.resolve("schema.sql"),
                    "create table t (id bigint primary key, n integer check (n > 'none'));\n");
            assertThat(slipway("migrate", "dev", "--name", "init")).isEqualTo(ExitCodes.FAILED);
            assertThat(err()).contains("invalid input syntax").contains("removed migrations/postgresql/V1__init.sql");
            assertThat(cwd.resolve("migrations/postgresql/V1__init.sql")).doesNotExist();
            assertThat(cwd.resolve("migrations/mysql/V1__init.sql")).doesNotExist();

            Files.writeString(
                    cwd.resolve("schema.sql"), "create table t (id bigint primary key, n integer check (n > 0));\n");
            assertThat(slipway("migrate", "dev", "--name", "init")).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("Wrote migrations/postgresql/V1__init.sql");
        }
    }

    @Test
    void migrateCheck_listsFencedSql_asOutsideItsView() throws IOException {
        Files.writeString(cwd.resolve("schema.sql"), "create table t (id bigint primary key);\n");
        assertThat(slipway("migrate", "dev", "--name", "init", "--create-only")).isEqualTo(ExitCodes.OK);
        for (String engine : new String[] {"postgresql", "mysql"}) {
            Files.writeString(
                    cwd.resolve("migrations/" + engine + "/V2__audit.sql"),
                    "-- [jooq ignore start]\ncreate table audit_log (id bigint);\n-- [jooq ignore stop]\n");
        }

        assertThat(slipway("migrate", "check", "--offline")).isEqualTo(ExitCodes.OK);

        assertThat(out())
                .contains("Outside Slipway's view")
                .contains("migrations/postgresql/V2__audit.sql:1-3")
                .contains("migrations/mysql/V2__audit.sql:1-3");
        assertThat(slipway("migrate", "dev", "--name", "nothing", "--create-only"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("not part of the diff").contains("migrations/postgresql/V2__audit.sql:1-3");
    }

    @Test
    void schemaErrors_exitTwo_withTheFileAndLine() throws IOException {
        Files.writeString(cwd.resolve("schema.sql"), "create table t (\n  id bigint primary key,\n  tags text[]\n);\n");
        assertThat(slipway("migrate", "dev", "--name", "x", "--create-only")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("schema.sql:3").contains("text[]").doesNotContain("clob");

        Files.writeString(
                cwd.resolve("schema.sql"),
                "create table t (id bigint primary key, n integer);\n\ncreate index t_n on t (n) where n > 0;\n");
        assertThat(slipway("migrate", "dev", "--name", "x", "--create-only")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("schema.sql:3");

        Files.writeString(
                cwd.resolve("schema.sql"), "create table t (id bigint primary key);\n\ncreate tabel u (id int);\n");
        assertThat(slipway("migrate", "dev", "--name", "x", "--create-only")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("schema.sql:3").doesNotContain("jooq ignore");
    }
}
