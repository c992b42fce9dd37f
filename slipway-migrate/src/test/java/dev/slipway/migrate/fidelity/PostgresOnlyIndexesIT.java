package dev.slipway.migrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Engine;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a PostgreSQL-only project carries that jOOQ does not model (issue 22, item 4: index methods, expression
 * indexes, citext), on random index sets: schema.sql applied directly and the migrations Slipway writes for it
 * (first, then for a changed set) must give the same pg_dump, and the migrations read back must leave nothing
 * pending. Random, because the combinations (an expression with DESC, a partial unique expression index, hash on
 * an expression, a column renamed under an index) are more than anyone writes by hand. Scale with
 * {@code -Dslipway.pgOnlyIndexes.rounds=N} and {@code -Dslipway.pgOnlyIndexes.seed=S}.
 */
class PostgresOnlyIndexesIT {

    private static final Set<Engine> POSTGRESQL = Set.of(Engine.POSTGRESQL);

    private static final String TABLE = """
            create extension if not exists citext;
            create table doc (
              id bigint primary key,
              email citext,
              name varchar(80),
              body jsonb,
              tags text[],
              n integer,
              created timestamp
            );
            """;

    /** Elements a btree index may hold: columns and expressions, each perhaps descending. */
    private static final List<String> BTREE_ELEMENTS = List.of(
            "name",
            "n",
            "created",
            "email",
            "id",
            "lower(name)",
            "(body ->> 'kind')",
            "(n + 1)",
            "coalesce(name, '')",
            "upper(email::text)");

    /** Indexes with a method of their own: on one column or expression each. */
    private static final List<String> METHOD_INDEXES = List.of(
            "using gin (body)",
            "using gin (tags)",
            "using hash (name)",
            "using hash ((body ->> 'kind'))",
            "using brin (created)");

    private static final List<String> CONDITIONS = List.of("n > 0", "name is not null", "email <> ''");

    @TempDir
    Path dir;

    @Test
    void randomIndexSets_withMethodsExpressionsAndCitext_migrateToWhatSchemaSqlMakes_asPgDumpSees() throws Exception {
        int rounds = Integer.getInteger("slipway.pgOnlyIndexes.rounds", 6);
        long seed = Long.getLong("slipway.pgOnlyIndexes.seed", 20261206L);
        for (int round = 0; round < rounds; round++) {
            Random random = new Random(seed + round);
            Path project = Files.createDirectories(dir.resolve("round" + round));
            Path schema = project.resolve("schema.sql");
            MigrationGenerator generator = new MigrationGenerator(schema, project.resolve("migrations"), POSTGRESQL);
            try (TestDatabase migrated = TestServers.postgres().createDatabase()) {
                for (int step = 0; step < 3; step++) {
                    String sql = TABLE + indexes(random);
                    Files.writeString(schema, sql);
                    String where = "seed " + (seed + round) + ", step " + step + ":\n" + sql;
                    generator.plan("step" + step).ifPresent(generator::write);
                    new Migrator(
                                    FidelityServers.config(migrated),
                                    MigrationsLocation.directory(project.resolve("migrations")),
                                    line -> {})
                            .deploy();
                    try (TestDatabase direct = TestServers.postgres().createDatabase()) {
                        execute(direct, sql);
                        assertThat(PgDump.dump(migrated)).as(where).isEqualTo(PgDump.dump(direct));
                    }
                    assertThat(generator.plan("again")).as(where).isEmpty();
                }
            }
        }
    }

    private static String indexes(Random random) {
        StringBuilder sql = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = "doc_ix" + i;
            if (random.nextInt(3) == 0) {
                String method = METHOD_INDEXES.get(random.nextInt(METHOD_INDEXES.size()));
                sql.append("create index ").append(name).append(" on doc ").append(method);
            } else {
                Set<String> elements = new LinkedHashSet<>();
                int size = 1 + random.nextInt(3);
                while (elements.size() < size) elements.add(BTREE_ELEMENTS.get(random.nextInt(BTREE_ELEMENTS.size())));
                List<String> written = new ArrayList<>();
                for (String element : elements) written.add(element + (random.nextInt(4) == 0 ? " desc" : ""));
                sql.append("create ")
                        .append(random.nextInt(4) == 0 ? "unique " : "")
                        .append("index ")
                        .append(name)
                        .append(" on doc (")
                        .append(String.join(", ", written))
                        .append(")");
            }
            if (random.nextInt(4) == 0) sql.append(" where ").append(CONDITIONS.get(random.nextInt(CONDITIONS.size())));
            sql.append(";\n");
        }
        return sql.toString();
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
