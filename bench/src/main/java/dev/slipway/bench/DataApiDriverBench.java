package dev.slipway.bench;

import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The Slipway JDBC driver over the Data API (through the Slipway proxy) against a direct pgjdbc connection, in the
 * same run, on PostgreSQL:
 *
 * <ol>
 *   <li>warm: one client, a 1-row SELECT by primary key, prepared, sequentially; median latency per round,
 *       alternating rounds;
 *   <li>cold: a new JVM ({@code -XX:TieredStopAtLevel=1}, as Slipway's functions run) that opens a connection, runs
 *       that query once and exits ({@link ColdQuery}); wall time, alternating, paired.
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.DataApiDriverBench -Dexec.args="--rounds 5 --queries 2000 --cold 9"}
 */
public final class DataApiDriverBench {

    public static void main(String[] args) throws Exception {
        int rounds = arg(args, "--rounds", 5);
        int queries = arg(args, "--queries", 2000);
        int cold = arg(args, "--cold", 9);
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            try (Connection c = db.connect()) {
                c.createStatement().execute("create table item (id bigint primary key, name varchar(40))");
                c.createStatement().execute("insert into item select g, 'item ' || g from generate_series(0, 999) g");
            }
            try (DataApiServer proxy =
                    DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0))) {
                String direct = db.url() + "?user=" + db.user() + "&password=" + db.password();
                String viaApi = "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name();
                warm(direct, viaApi, rounds, queries);
                cold(direct, viaApi, cold);
            }
        }
    }

    private static void warm(String direct, String viaApi, int rounds, int queries) throws Exception {
        List<Double> directUs = new ArrayList<>();
        List<Double> apiUs = new ArrayList<>();
        try (Connection d = DriverManager.getConnection(direct);
                Connection a = DriverManager.getConnection(viaApi)) {
            run(d, queries); // warm-up, not counted
            run(a, queries);
            for (int r = 0; r < rounds; r++) {
                directUs.add(run(d, queries));
                apiUs.add(run(a, queries));
            }
        }
        double dm = Stats.percentile(directUs, 50);
        double am = Stats.percentile(apiUs, 50);
        System.out.printf(
                "%nwarm: 1-row SELECT by primary key, one client, %d rounds x %d queries, median per round%n",
                rounds, queries);
        System.out.printf("%-44s %12s %10s%n", "way", "median us", "ratio");
        System.out.printf("%-44s %12.0f %10.2f%n", "pgjdbc, direct (baseline)", dm, 1.0);
        System.out.printf("%-44s %12.0f %10.2f%n", "Slipway Data API driver -> proxy -> PostgreSQL", am, am / dm);
    }

    /** Median microseconds per query over {@code queries} sequential queries. */
    private static double run(Connection c, int queries) throws Exception {
        List<Double> us = new ArrayList<>(queries);
        try (PreparedStatement p = c.prepareStatement("select id, name from item where id = ?")) {
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                p.setLong(1, i % 1000);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no row " + i);
                    rs.getString(2);
                }
                us.add((System.nanoTime() - start) / 1000.0);
            }
        }
        return Stats.percentile(us, 50);
    }

    private static void cold(String direct, String viaApi, int rounds) throws Exception {
        List<Double> directMs = new ArrayList<>();
        List<Double> apiMs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        coldRun(direct); // uncounted: page cache
        coldRun(viaApi);
        for (int r = 0; r < rounds; r++) {
            double d = coldRun(direct);
            double a = coldRun(viaApi);
            directMs.add(d);
            apiMs.add(a);
            ratios.add(a / d);
        }
        System.out.printf("%ncold: new JVM -> connect -> one query -> exit, %d paired rounds%n", rounds);
        System.out.printf("%-44s %12s %10s %10s%n", "way", "median ms", "min ms", "ratio");
        System.out.printf(
                "%-44s %12.0f %10.0f %10.2f%n",
                "pgjdbc, direct (baseline)",
                Stats.percentile(directMs, 50),
                directMs.stream().mapToDouble(x -> x).min().orElse(0),
                1.0);
        System.out.printf(
                "%-44s %12.0f %10.0f %10.2f%n",
                "Slipway Data API driver -> proxy",
                Stats.percentile(apiMs, 50),
                apiMs.stream().mapToDouble(x -> x).min().orElse(0),
                Stats.percentile(ratios, 50));
    }

    private static double coldRun(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(
                        java,
                        "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classPath(),
                        ColdQuery.class.getName(),
                        url)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("the cold run failed: " + out);
        return (System.nanoTime() - start) / 1e6;
    }

    /** The bench's own class path: exec:java's class loader's, not Maven's java.class.path. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> paths = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }

    private static int arg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }

    /** The cold run: connect, one query, exit. */
    public static final class ColdQuery {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0]);
                    PreparedStatement p = c.prepareStatement("select id, name from item where id = ?")) {
                p.setLong(1, 7);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no row");
                }
            }
        }
    }
}
