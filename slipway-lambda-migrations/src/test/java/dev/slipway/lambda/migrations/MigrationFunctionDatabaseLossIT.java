package dev.slipway.lambda.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.testing.RestartableDatabase;
import dev.slipway.testing.TestLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The migration function's database goes away in the middle of a migration (a failover, a scale-to-zero pause, a
 * crash): V2 creates a table, waits (the stand-in for a long statement), then creates another, and the server stops
 * during the wait. PostgreSQL must hold none of V2 afterwards and say that deploying again is safe; MySQL, whose DDL
 * cannot be rolled back, keeps V2's first table, and the function's error must name it and the repair, which then
 * works.
 */
class MigrationFunctionDatabaseLossIT {

    @TempDir
    Path dir;

    @Test
    void postgres_aDeployCutOffMidMigration_leavesNoneOfIt_andDeployingAgainApplies() throws Exception {
        try (RestartableDatabase db = RestartableDatabase.postgres()) {
            Map<String, String> env = migrationsWithASlowV2(db, "select pg_sleep(20)");

            MigrateException failure = deployCutOff(db, env, "pg_sleep");

            assertThat(failure.code()).as(failure.getMessage()).isEqualTo(MigrateErrorCode.UNREACHABLE);
            assertThat(failure.getMessage())
                    .contains("V2__slow.sql")
                    .contains("nothing of it is applied")
                    .contains("Deploy again");
            db.start();
            assertThat(tables(db)).doesNotContain("half_one", "half_two");
            assertThat(history(db)).containsExactly("1 true");

            withoutTheWait("postgresql", "select pg_sleep(20)");
            invoke(env, "{\"command\":\"deploy\"}");
            assertThat(tables(db)).contains("half_one", "half_two");
            assertThat(history(db)).containsExactly("1 true", "2 true");
        }
    }

    @Test
    void mysql_aDeployCutOffMidMigration_namesWhatStaysApplied_andTheRepairWorks() throws Exception {
        try (RestartableDatabase db = RestartableDatabase.mariaDb()) {
            Map<String, String> env = migrationsWithASlowV2(db, "do sleep(20)");

            MigrateException failure = deployCutOff(db, env, "sleep(");

            assertThat(failure.code()).as(failure.getMessage()).isEqualTo(MigrateErrorCode.MIGRATION_FAILED);
            assertThat(failure.getMessage())
                    .contains("V2__slow.sql")
                    .contains("cannot roll back DDL")
                    .contains("create table half_one")
                    .doesNotContain("create table half_two")
                    .contains("undo those statements by hand");
            db.start();
            assertThat(tables(db)).contains("half_one").doesNotContain("half_two");
            assertThat(history(db)).containsExactly("1 true");

            // the repair the message names: undo what stayed applied, deploy again
            try (Connection c = db.connect()) {
                c.createStatement().execute("drop table half_one");
            }
            withoutTheWait("mysql", "do sleep(20)");
            invoke(env, "{\"command\":\"deploy\"}");
            assertThat(tables(db)).contains("half_one", "half_two");
            assertThat(history(db)).containsExactly("1 true", "2 true");
        }
    }

    private Map<String, String> migrationsWithASlowV2(RestartableDatabase db, String wait) throws Exception {
        BlogMigrations.init(dir);
        String engine = db.url().startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
        Files.writeString(
                dir.resolve("migrations/" + engine + "/V2__slow.sql"),
                "create table half_one (id int primary key);\n" + wait
                        + ";\ncreate table half_two (id int primary key);\n");
        Map<String, String> env = new HashMap<>();
        env.put("SLIPWAY_MIGRATIONS", "filesystem:" + dir.resolve("migrations"));
        env.put("SLIPWAY_URL", db.url());
        env.put("SLIPWAY_USER", db.user());
        env.put("SLIPWAY_PASSWORD", "");
        // V1 first, without the slow V2, so that the cut falls inside V2
        Path v2 = dir.resolve("migrations/" + engine + "/V2__slow.sql");
        Path aside = dir.resolve("V2__slow.sql.aside");
        Files.move(v2, aside);
        invoke(env, "{\"command\":\"deploy\"}");
        Files.move(aside, v2);
        return env;
    }

    /** V2 is not in the history, so its file may change; without the wait the test need not wait 20 s. */
    private void withoutTheWait(String engine, String wait) throws java.io.IOException {
        Path v2 = dir.resolve("migrations/" + engine + "/V2__slow.sql");
        Files.writeString(v2, Files.readString(v2).replace(wait, "select 1"));
    }

    /** Starts a deploy, stops the server once V2's wait is running, and returns the deploy's failure. */
    private static MigrateException deployCutOff(RestartableDatabase db, Map<String, String> env, String waitMarker)
            throws Exception {
        CompletableFuture<Void> deploy = CompletableFuture.runAsync(() -> {
            try {
                invoke(env, "{\"command\":\"deploy\"}");
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!running(db, waitMarker)) {
            assertThat(System.nanoTime()).as("V2's wait started").isLessThan(deadline);
            assertThat(deploy).as("the deploy is still running").isNotDone();
            Thread.sleep(100);
        }
        db.stop();
        try {
            deploy.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            System.out.println("The deploy failed with: " + e.getCause().getMessage());
            Throwable cause =
                    e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            assertThat(cause).isInstanceOf(MigrateException.class);
            return (MigrateException) cause;
        }
        throw new AssertionError("the deploy succeeded although the database stopped in the middle of V2");
    }

    private static boolean running(RestartableDatabase db, String marker) throws Exception {
        String sql = db.url().startsWith("jdbc:postgresql:")
                ? "select query from pg_stat_activity where pid <> pg_backend_pid()"
                : "select info from information_schema.processlist where id <> connection_id()";
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                String query = rs.getString(1);
                if (query != null && query.contains(marker)) return true;
            }
        }
        return false;
    }

    private static void invoke(Map<String, String> env, String json) throws Exception {
        new MigrationFunction(env, UrlConnectionHttpClient.create())
                .handleRequest(
                        new ByteArrayInputStream(json.getBytes()),
                        new ByteArrayOutputStream(),
                        new TestLambdaContext(120_000));
    }

    private static List<String> tables(RestartableDatabase db) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "half%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        return tables;
    }

    private static List<String> history(RestartableDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("select version, success from flyway_schema_history where version is not null"
                                + " order by installed_rank")) {
            while (rs.next()) rows.add(rs.getString(1) + " " + rs.getBoolean(2));
        }
        return rows;
    }
}
