package dev.slipway.migrate.fidelity;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.migrate.CheckResult;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.migrate.SchemaCheck;
import dev.slipway.schema.GeneratedMigration;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One random sequence: a schema, then evolutions of it. Each step writes schema.sql, lets Slipway generate the
 * migration, applies it to a PostgreSQL and a MySQL database that carry the whole history, and compares each with
 * its oracle; {@code migrate check} must agree with the oracles.
 */
final class FidelityHarness {

    record Divergence(
            long seed,
            int step,
            String engine,
            List<String> differences,
            String before,
            String after,
            String smallestPair) {
        Divergence(long seed, int step, String engine, List<String> differences, String before, String after) {
            this(seed, step, engine, differences, before, after, null);
        }

        /** What a shrunk pair must still show to count as the same failure. */
        String kind() {
            boolean bug = differences.stream().anyMatch(d -> d.contains("This is a Slipway bug"));
            boolean failed = differences.stream().anyMatch(d -> d.startsWith("Slipway failed"));
            return engine + (failed ? (bug ? " self-check" : " error") : " difference");
        }

        Divergence withSmallestPair(String test) {
            return new Divergence(seed, step, engine, differences, before, after, test);
        }

        @Override
        public String toString() {
            return "seed " + seed + " step " + step + " (" + engine + "):\n  " + String.join("\n  ", differences)
                    + "\n-- schema.sql before:\n" + before + "-- schema.sql after:\n" + after
                    + (smallestPair == null
                            ? ""
                            : "-- shrunk to the smallest pair that still shows it, as a regression test:\n"
                                    + smallestPair);
        }
    }

    record Outcome(int steps, List<Divergence> divergences) {}

    private final TestServer postgres;
    private final TestServer mysql;
    private final boolean mariadb;

    FidelityHarness(TestServer postgres, TestServer mysql, boolean mariadb) {
        this.postgres = postgres;
        this.mysql = mysql;
        this.mariadb = mariadb;
    }

    Outcome run(long seed, int steps, boolean checkEachStep, Path dir) throws Exception {
        RandomSchemas random = new RandomSchemas(seed);
        List<GenSchema> generated = new ArrayList<>();
        generated.add(random.schema());
        for (int step = 1; step < steps; step++) generated.add(random.evolve(generated.get(step - 1)));
        Outcome outcome = run(seed, generated.stream().map(GenSchema::toSql).toList(), checkEachStep, dir);
        if (outcome.divergences().isEmpty()
                || !Boolean.parseBoolean(System.getProperty("slipway.fidelity.shrink", "true"))) return outcome;
        List<Divergence> shrunk = new ArrayList<>();
        for (Divergence d : outcome.divergences()) {
            int at = d.step();
            Shrinker.Step failing = new Shrinker.Step(at == 0 ? null : generated.get(at - 1), generated.get(at));
            shrunk.add(shrink(d, failing, dir.resolveSibling(dir.getFileName() + "-shrink")));
        }
        return new Outcome(outcome.steps(), shrunk);
    }

    /**
     * The smallest pair of schemas that still shows {@code found}, run as a project's whole history; or a note that
     * the step fails only after the earlier steps of its sequence.
     */
    private Divergence shrink(Divergence found, Shrinker.Step failing, Path scratch) throws IOException {
        java.util.function.Predicate<Shrinker.Step> stillFails = candidate -> {
            try {
                deleteTree(scratch);
                Files.createDirectories(scratch);
                Outcome o = run(found.seed(), candidate.sqls(), true, scratch);
                return o.divergences().stream().anyMatch(d -> d.kind().equals(found.kind()));
            } catch (Exception e) {
                return false; // a candidate PostgreSQL itself refuses is no smaller example
            }
        };
        if (!stillFails.test(failing)) {
            return found.withSmallestPair(
                    "(not shown by the pair alone: run the whole sequence, seed " + found.seed() + ", to see it)\n");
        }
        Shrinker.Step smallest = Shrinker.shrink(failing, stillFails);
        deleteTree(scratch);
        return found.withSmallestPair(Shrinker.asRegressionTest(found.seed(), found.step(), smallest));
    }

    /** What to do with the two migrated databases once the whole history ran without a divergence. */
    interface Afterwards {
        void accept(TestDatabase postgres, TestDatabase mysql) throws Exception;
    }

    /** Runs the given schema.sql texts in order as one project's history; {@code seed} only labels the result. */
    Outcome run(long seed, List<String> schemas, boolean checkEachStep, Path dir) throws Exception {
        return run(seed, schemas, checkEachStep, dir, (pg, my) -> {});
    }

    Outcome run(long seed, List<String> schemas, boolean checkEachStep, Path dir, Afterwards afterwards)
            throws Exception {
        List<Divergence> divergences = new ArrayList<>();
        Path schemaFile = dir.resolve("schema.sql");
        Path migrations = dir.resolve("migrations");
        MigrationGenerator generator = new MigrationGenerator(schemaFile, migrations);
        int done = 0;
        try (TestDatabase pgHistory = postgres.createDatabase();
                TestDatabase myHistory = mysql.createDatabase()) {
            for (int step = 0; step < schemas.size(); step++) {
                String before = step == 0 ? "" : schemas.get(step - 1);
                String after = schemas.get(step);
                Files.writeString(schemaFile, after);
                done++;
                List<String> problems = new ArrayList<>();
                try {
                    Optional<GeneratedMigration> planned = generator.plan("step_" + step);
                    if (planned.isPresent()) generator.write(planned.get());
                    migrator(pgHistory, migrations).deploy();
                    migrator(myHistory, migrations).deploy();
                } catch (RuntimeException e) {
                    problems.add("Slipway failed: " + e.getMessage());
                }
                if (problems.isEmpty()) {
                    List<String> pg = new ArrayList<>();
                    List<String> my = new ArrayList<>();
                    compare(pgHistory, myHistory, after, pg, my);
                    add(divergences, seed, step, "postgresql", pg, before, after);
                    add(divergences, seed, step, "mysql", my, before, after);
                    if (checkEachStep || step == schemas.size() - 1) {
                        agree(
                                divergences,
                                seed,
                                step,
                                "postgresql",
                                check(schemaFile, migrations, postgres),
                                pg,
                                before,
                                after);
                        agree(
                                divergences,
                                seed,
                                step,
                                "mysql",
                                check(schemaFile, migrations, mysql),
                                my,
                                before,
                                after);
                    }
                } else {
                    add(divergences, seed, step, "both", problems, before, after);
                }
                if (!divergences.isEmpty()) break; // later steps would only repeat it
            }
            if (divergences.isEmpty()) afterwards.accept(pgHistory, myHistory);
        }
        return new Outcome(done, divergences);
    }

    private void compare(
            TestDatabase pgHistory, TestDatabase myHistory, String schemaSql, List<String> pg, List<String> my)
            throws Exception {
        try (TestDatabase direct = postgres.createDatabase()) {
            try (Connection c = direct.connect();
                    Statement s = c.createStatement()) {
                s.execute(schemaSql); // the oracle's own reading of schema.sql: PostgreSQL's
            }
            pg.addAll(lineDiff(PgDump.dump(pgHistory), PgDump.dump(direct)));
            List<String> expected;
            try (Connection c = direct.connect()) {
                expected = MysqlCatalog.expectedFromPostgres(c, mariadb);
            }
            List<String> actual;
            try (Connection c = myHistory.connect()) {
                actual = MysqlCatalog.actual(c, myHistory.name());
            }
            expected.stream().filter(l -> !actual.contains(l)).forEach(l -> my.add("expected: " + l));
            actual.stream().filter(l -> !expected.contains(l)).forEach(l -> my.add("found:    " + l));
        }
    }

    static List<String> lineDiff(String migrated, String direct) {
        List<String> a = List.of(migrated.split("\n"));
        List<String> b = List.of(direct.split("\n"));
        List<String> out = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> out.add("only the migrations: " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> out.add("only schema.sql:     " + l));
        return out;
    }

    private static CheckResult check(Path schemaFile, Path migrations, TestServer server) {
        return new SchemaCheck(schemaFile, migrations).onDatabase(config(server), line -> {});
    }

    private static void agree(
            List<Divergence> out,
            long seed,
            int step,
            String engine,
            CheckResult check,
            List<String> oracle,
            String before,
            String after) {
        if (check.passed() != oracle.isEmpty()) {
            List<String> why = new ArrayList<>(List.of("migrate check " + (check.passed() ? "passed" : "failed")
                    + " where the oracle " + (oracle.isEmpty() ? "found no difference" : "found differences")));
            why.addAll(check.differences());
            add(out, seed, step, engine + " check", why, before, after);
        }
    }

    private static void add(
            List<Divergence> out,
            long seed,
            int step,
            String engine,
            List<String> differences,
            String before,
            String after) {
        if (!differences.isEmpty()) {
            out.add(new Divergence(seed, step, engine, List.copyOf(differences), before, after));
        }
    }

    private static Migrator migrator(TestDatabase db, Path migrations) {
        return new Migrator(FidelityServers.config(db), MigrationsLocation.directory(migrations), line -> {});
    }

    private static DatabaseTarget config(TestServer server) {
        return DatabaseTarget.builder()
                .url(server.adminUrl())
                .user(server.user())
                .password(server.password())
                .build();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
