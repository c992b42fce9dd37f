package dev.slipway.bench;

import dev.slipway.local.layer.LambdaZips;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm latency through the blog API handler, in-process, one connection to a real PostgreSQL: {@code GET
 * /authors/{id}} as API Gateway sends it, {@value #REQUESTS} measured requests after {@value #WARMUP} per run, each
 * run a fresh JVM ({@link WarmRequestProbe}). Compares function zips in one run, alternating them round by round
 * (this machine is shared and noisy): the first is the baseline.
 *
 * <pre>
 * ./mvnw -o -q -pl bench exec:java -Dexec.mainClass=dev.slipway.bench.WarmRequestBench \
 *     -Dexec.args="--rounds 5 before=/tmp/before/blog-api-postgresql.zip after=examples/blog/target/blog-api-postgresql.zip
 *     'after+bypass=examples/blog/target/blog-api-postgresql.zip;SLIPWAY_DB_ALIVE_BYPASS_MS=500'"
 * </pre>
 *
 * Each argument is {@code NAME=ZIP}, optionally followed by {@code ;VARIABLE=VALUE} pairs for that variant's
 * environment.
 *
 * Without zips it measures the current build's {@code examples/blog/target/blog-api-postgresql.zip} alone.
 */
public final class WarmRequestBench {

    static final int WARMUP = 2000;
    static final int REQUESTS = 5000;

    private WarmRequestBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        Map<String, Path> zips = new LinkedHashMap<>();
        Map<String, Map<String, String>> variantEnv = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) rounds = Integer.parseInt(args[++i]);
            else if (args[i].contains("=")) { // NAME=ZIP[;VAR=VALUE...]
                String[] named = args[i].split("=", 2);
                String[] parts = named[1].split(";");
                zips.put(named[0], Path.of(parts[0]).toAbsolutePath());
                Map<String, String> extra = new HashMap<>();
                for (int p = 1; p < parts.length; p++) {
                    String[] kv = parts[p].split("=", 2);
                    extra.put(kv[0], kv[1]);
                }
                variantEnv.put(named[0], extra);
            }
        }
        if (zips.isEmpty()) zips.put("current", ProjectRoot.example().resolve("target/blog-api-postgresql.zip"));
        Path work = Files.createTempDirectory("slipway-warm-request");
        Path probe = Path.of(WarmRequestProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Map<String, String> classPaths = new LinkedHashMap<>();
        for (var zip : zips.entrySet()) {
            Path root = work.resolve(zip.getKey());
            LambdaZips.unzip(zip.getValue(), root);
            classPaths.put(zip.getKey(), root + ":" + root.resolve("lib") + "/*:" + probe);
        }
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            ProjectRoot.migrateBlog(db);
            long author;
            try (var c = db.connect()) {
                c.createStatement().execute("insert into author (email, name) values ('ada@example.com', 'Ada')");
                try (var rs = c.createStatement().executeQuery("select id from author limit 1")) {
                    rs.next();
                    author = rs.getLong(1);
                }
            }
            Map<String, String> env = new HashMap<>(ProjectRoot.functionEnv(db));
            env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"); // as SlipwayFunction
            Map<String, List<double[]>> runs = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (var variant : classPaths.entrySet()) {
                    Map<String, String> withExtra = new HashMap<>(env);
                    withExtra.putAll(variantEnv.getOrDefault(variant.getKey(), Map.of()));
                    double[] r = probe(variant.getValue(), withExtra, "/authors/" + author);
                    runs.computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                            .add(r);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d %-10s p50 %.4f p99 %.4f ms%n",
                            round + 1,
                            variant.getKey(),
                            r[0],
                            r[1]);
                }
            }
            String baseline = classPaths.keySet().iterator().next();
            System.out.printf(
                    Locale.ROOT,
                    "%n%d rounds x %d requests (after %d warm-up), medians of the rounds' p50 and p99%n",
                    rounds,
                    REQUESTS,
                    WARMUP);
            System.out.println("| zip | p50 ms | p99 ms | p50 ratio | p99 ratio |");
            System.out.println("|---|---:|---:|---:|---:|");
            double baseP50 = Stats.median(runs.get(baseline), 0);
            double baseP99 = Stats.median(runs.get(baseline), 1);
            for (var variant : runs.entrySet()) {
                double p50 = Stats.median(variant.getValue(), 0);
                double p99 = Stats.median(variant.getValue(), 1);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.3f | %.3f | %.2f | %.2f |%n",
                        variant.getKey(),
                        p50,
                        p99,
                        p50 / baseP50,
                        p99 / baseP99);
            }
        }
    }

    private static double[] probe(String classPath, Map<String, String> env, String path) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                WarmRequestProbe.class.getName(),
                "dev.slipway.examples.blog.api.BlogApi",
                path,
                "GET /authors/{id}",
                Integer.toString(WARMUP),
                Integer.toString(REQUESTS));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("probe failed: " + out);
        String line = out.lines()
                .filter(l -> l.startsWith("p50="))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no timing line: " + out));
        String[] parts = line.split(" ");
        return new double[] {Stats.value(parts[0]), Stats.value(parts[1]), Stats.value(parts[2])};
    }
}
