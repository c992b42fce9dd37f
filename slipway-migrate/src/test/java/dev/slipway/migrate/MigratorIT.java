package dev.slipway.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.Engine;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.lint.Finding;
import dev.slipway.schema.lint.MigrationLinter;
import dev.slipway.schema.lint.Rule;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigratorIT {

    @TempDir
    Path dir;

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void deploy_appliesGeneratedMigrations_fromEmptyThroughAnEvolution(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            // GIVEN the blog schema's first migration, applied
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            Migrator migrator = project.migrator(db);
            assertThat(migrator.deploy().applied()).containsExactly("1");
            insertAuthorAndPost(db);

            // WHEN the schema evolves (drop a column, add one, a table with a foreign key, an index) and deploys
            project.evolve("blog-v2.sql", "comments");
            DeployResult second = migrator.deploy();

            // THEN only V2 ran, the data survived, the status is clean and check passes on a real database
            assertThat(second.applied()).containsExactly("2");
            assertThat(second.fromVersion()).isEqualTo("1");
            assertThat(count(db, "select count(*) from post where slug is null"))
                    .isEqualTo(1);
            assertThat(migrator.status().upToDate()).isTrue();
            assertThat(migrator.status().currentVersion()).isEqualTo("2");
            assertThat(migrator.deploy().applied()).isEmpty();
            CheckResult check = new SchemaCheck(project.schema(), project.migrations())
                    .onDatabase(Project.config(db), project.progress::add);
            assertThat(check.differences()).isEmpty();
            // AND lint flags the risky step of V2 for this engine
            Engine engine = Engine.parse(server.engine());
            List<Finding> findings = MigrationLinter.lintAll(new MigrationDirectory(project.migrations()), engine);
            assertThat(findings).extracting(Finding::rule).contains(Rule.DS102);
            assertThat(findings).allMatch(f -> f.file().endsWith("V2__comments.sql"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void check_fails_whenSchemaSqlChangesWithoutAMigration(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            project.useSchema("blog-v2.sql");

            CheckResult check = new SchemaCheck(project.schema(), project.migrations())
                    .onDatabase(Project.config(db), project.progress::add);

            assertThat(check.passed()).isFalse();
            assertThat(check.differences()).anyMatch(d -> d.contains("create table comment"));
            assertThat(check.fix()).contains("slipway migrate dev");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void check_fails_whenAHandWrittenMigrationDivergesFromSchemaSql(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            String engine = server.engine();
            // an index only the migrations create: jOOQ's replay sees it too, so remove it from both sides of the
            // offline check by fencing it; the database check still sees the real index
            project.writeMigration(
                    engine,
                    "V2__extra_index.sql",
                    "-- [jooq ignore start]\ncreate index post_title_idx on post (title);\n-- [jooq ignore stop]\n");
            project.writeMigration(otherEngine(engine), "V2__extra_index.sql", "-- nothing\n");

            CheckResult check = new SchemaCheck(project.schema(), project.migrations())
                    .onDatabase(Project.config(db), project.progress::add);

            assertThat(check.differences())
                    .anyMatch(d -> d.startsWith("only the migrations have: index post post_title_idx"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void reset_isRefusedWithoutPermission_andLeavesDataAlone(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            Migrator migrator = project.migrator(db);
            migrator.deploy();
            insertAuthorAndPost(db);

            assertThatThrownBy(() -> migrator.reset(ResetPermission.denied()))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining(ResetPermission.FLAG)
                    .hasMessageContaining("SLIPWAY_ALLOW_RESET=true")
                    .satisfies(
                            e -> assertThat(((MigrateException) e).code()).isEqualTo(MigrateErrorCode.RESET_REFUSED));
            assertThat(count(db, "select count(*) from author")).isEqualTo(1);

            DeployResult reset = migrator.reset(ResetPermission.fromFlag(true));
            assertThat(reset.applied()).containsExactly("1");
            assertThat(count(db, "select count(*) from author")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void deploy_appliesOnlyOnce_whenTenRunnersStartTogether(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init").evolve("blog-v2.sql", "comments");
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Callable<DeployResult>> runners = new ArrayList<>();
                for (int i = 0; i < 10; i++)
                    runners.add(() -> project.migrator(db).deploy());
                List<DeployResult> results = new ArrayList<>();
                for (Future<DeployResult> future : pool.invokeAll(runners)) results.add(future.get());

                assertThat(results.stream().mapToInt(r -> r.applied().size()).sum())
                        .isEqualTo(2);
                assertThat(results).allMatch(r -> "2".equals(r.toVersion()));
                assertThat(count(db, "select count(*) from flyway_schema_history where success"))
                        .isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void status_reportsDrift_whenAnAppliedFileChanges(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            Migrator migrator = project.migrator(db);
            migrator.deploy();
            Path v1 = project.migrations().resolve(server.engine()).resolve("V1__init.sql");
            java.nio.file.Files.writeString(v1, java.nio.file.Files.readString(v1) + "\n-- edited later\n");

            MigrationStatus status = migrator.status();

            assertThat(status.migrations())
                    .extracting(MigrationStatus.Entry::state)
                    .containsExactly(MigrationStatus.State.DRIFTED);
            assertThat(status.problems())
                    .singleElement()
                    .asString()
                    .contains("checksum mismatch")
                    .contains("new migration");
            assertThatThrownBy(migrator::deploy).hasMessageContaining("checksum");
        }
    }

    private static String otherEngine(String engine) {
        return engine.equals("postgresql") ? "mysql" : "postgresql";
    }

    /**
     * Counted by the server (PostgreSQL's {@code pg_stat_database.sessions} of the test's own database, MySQL's
     * {@code Connections}): the deploy's own connection, which waited for the database and holds the deploy lock, is
     * Flyway's only connection too. Flyway runs on one connection where the database type says so: MySQL always (but
     * on a strict Percona XtraDB Cluster), PostgreSQL with its session-level lock ({@code
     * flyway.postgresql.transactional.lock=false}). Three before.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void deploy_connectsOnce_lendingItsLockedConnectionToFlyway(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            Migrator migrator = new Project(dir).evolve("blog-v1.sql", "init").migrator(db);
            long before = serverConnections(db);

            assertThat(migrator.deploy().applied()).containsExactly("1");

            long opened = serverConnections(db) - before - 1; // the second count opens one itself
            assertThat(opened).isEqualTo(1);
        }
    }

    /**
     * CREATE INDEX CONCURRENTLY waits for every open transaction; with Flyway's default transactional lock, Flyway's
     * own lock transaction is one of them and the deploy hangs (flyway/flyway#3854). The session-level lock Slipway
     * configures holds no transaction open.
     */
    @org.junit.jupiter.api.Test
    void deploy_runsCreateIndexConcurrently_withoutWaitingForItsOwnLock() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            Project project = new Project(dir).evolve("blog-v1.sql", "init");
            project.writeMigration(
                    "postgresql", "V2__title_index.sql", "create index concurrently post_title_idx on post (title);\n");
            project.writeMigration("mysql", "V2__title_index.sql", "-- nothing\n");
            Migrator migrator = project.migrator(db);

            DeployResult result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20), migrator::deploy);

            assertThat(result.applied()).containsExactly("1", "2");
            assertThat(count(db, "select count(*) from pg_indexes where indexname = 'post_title_idx'"))
                    .isEqualTo(1);
        }
    }

    private static long serverConnections(TestDatabase db) throws SQLException {
        String count = db.engine().equals("postgresql")
                ? "select 'sessions', sessions from pg_stat_database where datname = current_database()"
                : "show global status like 'Connections'";
        try (Connection c = db.connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery(count)) {
            r.next();
            return r.getLong(2);
        }
    }

    static void insertAuthorAndPost(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            c.createStatement().executeUpdate("insert into author (email, name) values ('ada@example.com', 'Ada')");
            c.createStatement()
                    .executeUpdate(
                            "insert into post (title, author_id) select 'Hello', id from author where email = 'ada@example.com'");
        }
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
