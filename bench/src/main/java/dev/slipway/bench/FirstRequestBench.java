package dev.slipway.bench;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * What priming at init buys a SnapStart function: the blog API from its Lambda zip, in a new JVM with the options
 * {@code SlipwayFunction} sets, constructed (init), then its first {@code GET /posts?author=7} timed, with
 * {@code SLIPWAY_PRIMING=off} (drivers and jOOQ's render path only) and {@code routes} (one request to each route
 * at init, on no database), alternating, {@code --rounds} paired runs. The first request after init is what a
 * function restored from a snapshot answers first; it includes the connect, which no priming can take (a snapshot
 * holds no connection).
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.FirstRequestBench -Dexec.args="--rounds 9"}
 */
public final class FirstRequestBench {

    private FirstRequestBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 9;
        Path zip = ProjectRoot.example().resolve("target/blog-api-postgresql.zip");
        Path root = Files.createTempDirectory("slipway-first-request");
        unzip(zip, root);
        Path probe = Path.of(FirstRequestProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String classPath = root + ":" + root.resolve("lib") + "/*:" + probe;
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            ProjectRoot.migrateBlog(db);
            try (var c = db.connect()) {
                c.createStatement().execute("insert into author (email, name) values ('ada@example.com', 'Ada')");
                c.createStatement()
                        .execute("insert into post (title, body, published, author_id) select 'Post '"
                                + " || g, 'Body', true, (select id from author limit 1) from generate_series(1, 20) g");
            }
            Map<String, String> env = new HashMap<>(ProjectRoot.functionEnv(db));
            env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
            long author;
            try (var c = db.connect();
                    var rs = c.createStatement().executeQuery("select id from author limit 1")) {
                rs.next();
                author = rs.getLong(1);
            }
            Map<String, List<double[]>> runs = new HashMap<>();
            for (int i = 0; i <= rounds; i++) {
                for (String priming : List.of("off", "routes")) {
                    double[] times = probe(classPath, env, priming, author);
                    if (i > 0)
                        runs.computeIfAbsent(priming, k -> new ArrayList<>()).add(times); // first: warm-up
                }
            }
            System.out.printf(Locale.ROOT, "%nmedian of %d paired runs (ms)%n", rounds);
            System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s%n", "SLIPWAY_PRIMING", "init", "first", "second");
            for (String priming : List.of("off", "routes")) {
                List<double[]> r = runs.get(priming);
                System.out.printf(
                        Locale.ROOT, "%-22s %8.0f %8.0f %8.1f%n", priming, median(r, 0), median(r, 1), median(r, 2));
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++)
                ratios.add(runs.get("routes").get(i)[1] / runs.get("off").get(i)[1]);
            System.out.printf(
                    Locale.ROOT,
                    "first request, routes / off: %.2f (median of paired ratios)%n",
                    Stats.percentile(ratios, 50));
        }
    }

    private static double[] probe(String classPath, Map<String, String> env, String priming, long author)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        FirstRequestProbe.class.getName(),
                        "dev.slipway.examples.blog.api.BlogApi",
                        "/posts",
                        "author=" + author)
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("SLIPWAY_PRIMING", priming);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("probe failed: " + out);
        String line = out.lines()
                .filter(l -> l.startsWith("init="))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no timing line: " + out));
        String[] parts = line.split(" ");
        return new double[] {value(parts[0]), value(parts[1]), value(parts[2])};
    }

    private static double value(String part) {
        return Double.parseDouble(part.substring(part.indexOf('=') + 1));
    }

    private static double median(List<double[]> runs, int index) {
        List<Double> values = new ArrayList<>();
        for (double[] r : runs) values.add(r[index]);
        return Stats.percentile(values, 50);
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(file.entries())) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) throw new IllegalStateException("bad entry " + entry);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (var in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
