package dev.slipway.migrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Engine;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.migrate.SchemaPull;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.schema.SqlStatements;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real public application schemas, unchanged (issue 22; sources in {@code real-schemas/README.md}). For each one:
 * pulled from a PostgreSQL database the original made, and given as schema.sql for each engine it is written for.
 * Whatever Slipway accepts must make a database equal to the original's as the engine's own catalog sees it (pg_dump,
 * MySQL's information_schema); whatever it refuses must name the line. The outcomes are the tally in TALLY.md, which
 * the test compares with what it found (set {@code -Dslipway.realSchemas.write=true} to rewrite it after a change
 * that is meant).
 */
class RealSchemasIT extends FidelityServers {

    private static final Set<Engine> POSTGRESQL_ONLY = Set.of(Engine.POSTGRESQL);

    @TempDir
    Path work;

    @Test
    void everyRealSchema_isAdoptedExactly_orRefusedWithItsLine_andTheTallyIsAsRecorded() throws Exception {
        Path root = fixtures();
        List<String> rows = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                rows.add("| " + name + " | " + judged(() -> pulled(dir, Engine.BOTH)) + " | "
                        + judged(() -> pulled(dir, POSTGRESQL_ONLY)) + " | "
                        + judged(() -> asFile(dir, "postgresql", Engine.BOTH)) + " | "
                        + judged(() -> asFile(dir, "postgresql", POSTGRESQL_ONLY)) + " | "
                        + judged(() -> asFile(dir, "mysql", Engine.BOTH)) + " | "
                        + judged(() -> pulledFromMysql(dir)) + " |");
            }
        }
        String tally = """
                # Real schemas: what Slipway does with each (written by RealSchemasIT)

                | Schema | pulled from PostgreSQL | pulled, slipway.engines=postgresql | postgresql.sql as schema.sql \
                | postgresql.sql, slipway.engines=postgresql | mysql.sql as schema.sql | pulled from MySQL |
                |---|---|---|---|---|---|---|
                """ + String.join("\n", rows) + "\n";
        Path recorded = Path.of("src/test/resources/real-schemas/TALLY.md");
        assertThat(rows).as("databases that differ from the original's").noneMatch(r -> r.contains(DIFFERS));
        if (Boolean.getBoolean("slipway.realSchemas.write")) {
            Files.writeString(recorded, tally);
        } else {
            assertThat(tally).isEqualTo(Files.readString(root.resolve("TALLY.md")));
        }
    }

    private static final String DIFFERS = "DIFFERS FROM THE ORIGINAL";

    private interface Outcome {
        String get() throws Exception;
    }

    /** An outcome, or what the oracle saw differ, so that the tally shows every schema's result at once. */
    private static String judged(Outcome outcome) throws Exception {
        try {
            return outcome.get();
        } catch (AssertionError differs) {
            return DIFFERS + ": " + differs.getMessage().replaceAll("\\s+", " ").replace("|", "\\|");
        }
    }

    /** Original applied to PostgreSQL, pulled, rebuilt from the pulled schema's migrations on both engines. */
    private String pulled(Path dir, Set<Engine> engines) throws Exception {
        Path original = dir.resolve("postgresql.sql");
        if (!Files.exists(original)) return "-";
        try (TestDatabase source = postgres.createDatabase();
                TestDatabase rebuilt = postgres.createDatabase();
                TestDatabase onMysql = mysql.createDatabase()) {
            execute(source, List.of(Files.readString(original)));
            SchemaPull.Catalog catalog = SchemaPull.read(config(source), line -> {});
            Optional<String> refused = rebuild(catalog, engines, rebuilt, onMysql);
            if (refused.isPresent()) return refused.get();
            List<String> listed = catalog.notCarried(engines);
            // what a person takes away from the original for what pull listed; a PostgreSQL-only project may list
            // less (it carries extensions), and then has its own file, or none
            Path forMode = dir.resolve(
                    engines.contains(Engine.MYSQL)
                            ? "without-listed.postgresql.sql"
                            : "without-listed.postgresql-only.sql");
            Path afterPull = Files.exists(forMode)
                            || listed.size() < catalog.notCarried().size()
                    ? forMode
                    : dir.resolve("without-listed.postgresql.sql");
            assertThat(Files.exists(afterPull))
                    .as(dir + ": pull listed " + listed + "; " + afterPull.getFileName() + " says what a person does"
                            + " about it")
                    .isEqualTo(!listed.isEmpty());
            if (Files.exists(afterPull)) execute(source, List.of(Files.readString(afterPull)));
            assertThat(PgDump.dump(rebuilt))
                    .as(dir + ": pg_dump of the rebuilt database")
                    .isEqualTo(PgDump.dump(source));
            return adopted(listed);
        }
    }

    /**
     * mysql.sql applied to MySQL, pulled, rebuilt from the pulled schema's migrations on both engines. Oracle: MySQL's
     * catalog of the original and of the rebuilt database; each line only one of them has must be about a column or
     * key pull listed.
     */
    private String pulledFromMysql(Path dir) throws Exception {
        Path original = dir.resolve("mysql.sql");
        if (!Files.exists(original)) return "-";
        try (TestDatabase source = mysql.createDatabase();
                TestDatabase pg = postgres.createDatabase();
                TestDatabase rebuilt = mysql.createDatabase()) {
            execute(source, statements(Files.readString(original)));
            SchemaPull.Catalog catalog = SchemaPull.read(config(source), line -> {});
            Optional<String> refused = rebuild(catalog, Engine.BOTH, pg, rebuilt);
            if (refused.isPresent()) return refused.get();
            try (Connection before = source.connect();
                    Connection after = rebuilt.connect()) {
                assertThat(MysqlCatalog.unlistedDifferences(
                                MysqlCatalog.actual(before, source.name()),
                                MysqlCatalog.actual(after, rebuilt.name()),
                                catalog.notCarried()))
                        .as(dir + ": MySQL catalog differences pull did not list")
                        .isEmpty();
            }
            return adopted(catalog.notCarried());
        }
    }

    /**
     * The pulled schema.sql's first migration, deployed on {@code pg} (and on {@code my} for both engines); or the
     * refusal, which must name its line in the pulled catalog, as the tally says it.
     */
    private Optional<String> rebuild(SchemaPull.Catalog catalog, Set<Engine> engines, TestDatabase pg, TestDatabase my)
            throws IOException {
        String schemaSql;
        try {
            schemaSql = SchemaPull.schemaSql(catalog, "pulled-catalog.sql", "the original", engines);
        } catch (SchemaException refused) {
            assertThat(refused.getMessage()).as("a refusal names its line").contains("pulled-catalog.sql:");
            return Optional.of("refused: " + firstSentence(refused.getMessage()));
        }
        Path project = Files.createTempDirectory(work, "pull");
        Files.writeString(project.resolve("schema.sql"), schemaSql);
        migrate(project, pg, my, engines);
        return Optional.empty();
    }

    private static String adopted(List<String> listed) {
        return listed.isEmpty()
                ? "adopted exactly"
                : "adopted; listed " + listed.size() + ": "
                        + String.join(
                                "; ",
                                listed.stream().map(RealSchemasIT::firstWords).toList());
    }

    /** The original file as schema.sql: refused with its line, or migrations that make the original's database. */
    private String asFile(Path dir, String engine, Set<Engine> engines) throws Exception {
        Path original = dir.resolve(engine + ".sql");
        if (!Files.exists(original)) return "-";
        Path project = Files.createTempDirectory(work, engine);
        Files.copy(original, project.resolve("schema.sql"));
        try (TestDatabase byOriginal = server(engine).createDatabase();
                TestDatabase pg = postgres.createDatabase();
                TestDatabase my = mysql.createDatabase()) {
            try {
                migrate(project, pg, my, engines);
            } catch (SchemaException refused) {
                assertThat(refused.getMessage())
                        .as(dir + ": a refusal names its line")
                        .contains("schema.sql:");
                return "refused: " + firstSentence(refused.getMessage());
            }
            boolean postgresql = engine.equals("postgresql");
            String script = Files.readString(original);
            execute(byOriginal, postgresql ? List.of(script) : statements(script));
            if (postgresql) {
                assertThat(PgDump.dump(pg)).as(dir + ": pg_dump").isEqualTo(PgDump.dump(byOriginal));
            } else {
                try (Connection expected = byOriginal.connect();
                        Connection actual = my.connect()) {
                    List<String> meanings = new ArrayList<>();
                    List<String> asSlipwayMeansIt =
                            slipwaysMeaning(MysqlCatalog.actual(expected, byOriginal.name()), meanings);
                    assertThat(MysqlCatalog.actual(actual, my.name()))
                            .as(dir + ": MySQL's catalog")
                            .containsExactlyElementsOf(asSlipwayMeansIt);
                    if (!meanings.isEmpty()) {
                        return "adopted; on MySQL as the README's Types table says: " + String.join(", ", meanings);
                    }
                }
            }
            return "adopted exactly";
        }
    }

    /**
     * The original MySQL catalog with the documented differences of a schema.sql read as Slipway reads it (the
     * README's Types table): names are lower case (PostgreSQL folds unquoted names; MySQL keeps a table name's case),
     * text compares byte for byte (utf8mb4_bin) where the original took the server's case-insensitive default,
     * {@code timestamp} is {@code datetime} (PostgreSQL's timestamp; MySQL's ends in 2038), and {@code text} and
     * {@code blob} are the unbounded {@code longtext} and {@code longblob} (PostgreSQL's text and bytea). Each one
     * applied is named in the tally; any other difference fails the test.
     */
    private static List<String> slipwaysMeaning(List<String> original, List<String> meanings) {
        TreeSet<String> meant = new TreeSet<>();
        for (String line : original) {
            int literal = line.indexOf(" collate="); // a column's names and type come before it
            String rewritten = literal < 0
                    ? line.toLowerCase(Locale.ROOT)
                    : line.substring(0, literal).toLowerCase(Locale.ROOT) + line.substring(literal);
            rewritten = meaning(rewritten, line, "names are lower case", meanings);
            for (String[] rule : MEANINGS) {
                rewritten = meaning(rewritten.replaceAll(rule[0], rule[1]), rewritten, rule[2], meanings);
            }
            meant.add(rewritten);
        }
        return new ArrayList<>(meant);
    }

    private static final String[][] MEANINGS = {
        {"collate=utf8mb4_(general|unicode|0900_ai)_ci\\b", "collate=utf8mb4_bin", "text compares byte for byte"},
        {"^(column \\S+ )timestamp\\b", "$1datetime", "timestamp is datetime"},
        {"^(column \\S+ )text ", "$1longtext ", "text is longtext"},
        {"^(column \\S+ )blob ", "$1longblob ", "blob is longblob (bytea)"},
        {
            "^unique (\\S+) (\\S+) \\(\\2\\)$",
            "unique $1 $1_$2_key ($2)",
            "an unnamed unique key gets PostgreSQL's name (table_column_key)"
        },
    };

    private static String meaning(String rewritten, String before, String meaning, List<String> meanings) {
        if (!rewritten.equals(before) && !meanings.contains(meaning)) meanings.add(meaning);
        return rewritten;
    }

    /** Generates V1 for {@code engines} and deploys it on each of them. */
    private void migrate(Path project, TestDatabase pg, TestDatabase my, Set<Engine> engines) {
        MigrationGenerator generator =
                new MigrationGenerator(project.resolve("schema.sql"), project.resolve("migrations"), engines);
        generator.write(generator.plan("init").orElseThrow());
        MigrationsLocation migrations = MigrationsLocation.directory(project.resolve("migrations"));
        new Migrator(config(pg), migrations, line -> {}).deploy();
        if (engines.contains(Engine.MYSQL)) new Migrator(config(my), migrations, line -> {}).deploy();
    }

    private static dev.slipway.testing.TestServer server(String engine) {
        return engine.equals("postgresql") ? postgres : mysql;
    }

    /** A MySQL script's statements (MySQL's # comments taken out first: Slipway's splitter knows -- only). */
    private static List<String> statements(String script) {
        return SqlStatements.split(script.replaceAll("(?m)^#.*$", "")).stream()
                .map(SqlStatements.Statement::sql)
                .toList();
    }

    private static String firstSentence(String message) {
        String first = message.lines().findFirst().orElse("");
        int colon = first.indexOf(".sql:");
        String located = colon < 0 ? first : first.substring(first.indexOf(' ', colon) + 1);
        String sentence = located.replace("|", "\\|").replaceAll("\\. .*", ".");
        int carried = sentence.indexOf(" is not carried: ");
        return carried < 0 ? sentence : sentence.substring(0, carried + " is not carried".length()) + ".";
    }

    private static String firstWords(String listed) {
        int colon = listed.indexOf(':');
        String words = colon < 0 ? listed : listed.substring(0, colon);
        return words.length() > 80 ? words.substring(0, 77) + "..." : words;
    }

    private static void execute(TestDatabase db, List<String> statements) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    private static Path fixtures() throws URISyntaxException, IOException {
        return Path.of(RealSchemasIT.class.getResource("/real-schemas").toURI());
    }
}
