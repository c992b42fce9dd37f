package dev.slipway.bench;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * {@code migrate deploy} in-process with 100 pending migrations and with 0 pending, on PostgreSQL and MySQL,
 * against plain Flyway {@code migrate()} on the same scripts and server in the same run (the baseline: Slipway's
 * cost on top is the wait-for-database probe and the deploy lock). Prints a table of medians.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java -Dexec.args="--rounds 5"}
 */
public final class DeployBench {

    private static final int MIGRATIONS = 100;

    public static void main(String[] args) throws Exception {
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("slipway-bench");
        writeMigrations(dir);
        List<String> rows = new ArrayList<>();
        for (TestServer server : List.of(TestServers.postgres(), TestServers.mysql())) {
            rows.addAll(measure(server, dir, rounds));
        }
        System.out.printf(
                "%nmigrate deploy, %d rounds, median ms (ratio = Slipway / plain Flyway, same run)%n", rounds);
        System.out.printf("%-10s %-12s %12s %12s %8s%n", "engine", "pending", "flyway ms", "slipway ms", "ratio");
        rows.forEach(System.out::println);
    }

    private static List<String> measure(TestServer server, Path dir, int rounds) {
        Engine engine = Engine.parse(server.engine());
        List<Double> flywayFull = new ArrayList<>();
        List<Double> flywayNoop = new ArrayList<>();
        List<Double> slipwayFull = new ArrayList<>();
        List<Double> slipwayNoop = new ArrayList<>();
        for (int round = 0; round < rounds + 1; round++) { // round 0 warms the JVM up and is not counted
            boolean counted = round > 0;
            try (TestDatabase db = server.createDatabase()) {
                Flyway flyway = Flyway.configure()
                        .dataSource(db.url(), db.user(), db.password())
                        .locations("filesystem:" + dir.resolve(engine.id()))
                        .load();
                record(counted, flywayFull, () -> flyway.migrate());
                record(counted, flywayNoop, () -> flyway.migrate());
            }
            try (TestDatabase db = server.createDatabase()) {
                DatabaseTarget config = DatabaseTarget.builder()
                        .url(db.url())
                        .user(db.user())
                        .password(db.password())
                        .build();
                Migrator migrator = new Migrator(config, MigrationsLocation.directory(dir), s -> {});
                record(counted, slipwayFull, migrator::deploy);
                record(counted, slipwayNoop, migrator::deploy);
            }
        }
        return List.of(
                row(engine, MIGRATIONS, median(flywayFull), median(slipwayFull)),
                row(engine, 0, median(flywayNoop), median(slipwayNoop)));
    }

    private static void record(boolean counted, List<Double> into, Runnable action) {
        long start = System.nanoTime();
        action.run();
        if (counted) into.add((System.nanoTime() - start) / 1e6);
    }

    private static String row(Engine engine, int pending, double flyway, double slipway) {
        return String.format(
                Locale.ROOT,
                "%-10s %-12d %12.1f %12.1f %8.2f",
                engine.id(),
                pending,
                flyway,
                slipway,
                slipway / flyway);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void writeMigrations(Path dir) throws IOException {
        for (Engine engine : Engine.values()) {
            Path engineDir = Files.createDirectories(dir.resolve(engine.id()));
            for (int i = 1; i <= MIGRATIONS; i++) {
                String sql = "create table t" + i + " (id bigint primary key, name varchar(100) not null,"
                        + " created_at timestamp);\ncreate index t" + i + "_name_idx on t" + i + " (name);\n";
                Files.writeString(engineDir.resolve("V" + i + "__table_" + i + ".sql"), sql);
            }
        }
    }
}
