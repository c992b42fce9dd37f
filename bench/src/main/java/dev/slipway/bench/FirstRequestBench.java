package dev.slipway.bench;

import dev.slipway.local.layer.JarOnlyZip;
import dev.slipway.local.layer.LambdaZips;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What priming at init buys a SnapStart function: the blog API from its Lambda zip, in a new JVM with the options
 * {@code SlipwayFunction} sets, constructed (init), then its first {@code GET /posts?author=7} timed, with
 * {@code SLIPWAY_PRIMING=off} (drivers and jOOQ's render path only) and {@code routes} (one request to each route
 * at init, on no database), alternating, {@code --rounds} paired runs. The first request after init is what a
 * function restored from a snapshot answers first; it includes the connect, which no priming can take (a snapshot
 * holds no connection).
 *
 * <p>With {@code --archives}, each priming mode also runs on a jar-only class path with an AppCDS archive and with
 * a JDK 25 AOT cache, each written by one training run of the same probe (as a build would, before deploying a
 * runtime of one's own: both load only on the JVM build that wrote them), and the table adds the whole process
 * (JVM start to exit after the second request) next to init and the first request.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.FirstRequestBench -Dexec.args="--rounds 9 [--archives]"}
 */
public final class FirstRequestBench {

    private FirstRequestBench() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        int rounds = arguments.contains("--rounds") ? Integer.parseInt(args[arguments.indexOf("--rounds") + 1]) : 9;
        boolean archives = arguments.contains("--archives");
        Path zip = ProjectRoot.example().resolve("target/blog-api-postgresql.zip");
        Path work = Files.createTempDirectory("slipway-first-request");
        Path root = work.resolve("zip");
        LambdaZips.unzip(zip, root);
        Path probe = Path.of(FirstRequestProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String classPath = root + ":" + root.resolve("lib") + "/*:" + probe;
        String jarClassPath = archives ? jarOnlyClassPath(zip, probe, work) : null;
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
            Map<String, List<String>> variants = new java.util.LinkedHashMap<>();
            for (String priming : List.of("off", "routes")) variants.put(priming, List.of());
            if (archives) {
                for (String priming : List.of("off", "routes")) {
                    Path jsa = work.resolve("app-" + priming + ".jsa");
                    Path aot = work.resolve("app-" + priming + ".aot");
                    probe(jarClassPath, env, priming, author, List.of("-XX:ArchiveClassesAtExit=" + jsa));
                    probe(jarClassPath, env, priming, author, List.of("-XX:AOTCacheOutput=" + aot));
                    variants.put(priming + ", AppCDS", List.of("-XX:SharedArchiveFile=" + jsa));
                    variants.put(priming + ", AOT cache", List.of("-XX:AOTCache=" + aot));
                }
            }
            Map<String, List<double[]>> runs = new HashMap<>();
            for (int i = 0; i <= rounds; i++) {
                for (var variant : variants.entrySet()) {
                    String priming = variant.getKey().split(",")[0];
                    String path = variant.getValue().isEmpty() ? classPath : jarClassPath;
                    double[] times = probe(path, env, priming, author, variant.getValue());
                    if (i > 0)
                        runs.computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                                .add(times); // 0: warm-up
                }
            }
            System.out.printf(Locale.ROOT, "%nmedian of %d paired runs (ms; process: JVM start to exit)%n", rounds);
            System.out.printf(
                    Locale.ROOT, "%-24s %8s %8s %8s %8s%n", "SLIPWAY_PRIMING", "process", "init", "first", "second");
            for (String variant : variants.keySet()) {
                List<double[]> r = runs.get(variant);
                System.out.printf(
                        Locale.ROOT,
                        "%-24s %8.0f %8.0f %8.0f %8.1f%n",
                        variant,
                        Stats.median(r, 3),
                        Stats.median(r, 0),
                        Stats.median(r, 1),
                        Stats.median(r, 2));
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ratios.add(runs.get("routes").get(i)[1] / runs.get("off").get(i)[1]);
            }
            System.out.printf(
                    Locale.ROOT,
                    "first request, routes / off: %.2f (median of paired ratios)%n",
                    Stats.percentile(ratios, 50));
        }
    }

    /** Archives need jars only on the class path: the zip's root classes as lib/app.jar, the probe as a jar. */
    private static String jarOnlyClassPath(Path zip, Path probeClasses, Path work) throws Exception {
        Path jarRoot = work.resolve("jars");
        LambdaZips.unzip(JarOnlyZip.of(zip, work.resolve("jar-only.zip")), jarRoot);
        Path probeJar = work.resolve("probe.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(probeJar))) {
            String name = FirstRequestProbe.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new java.util.jar.JarEntry(name));
            Files.copy(probeClasses.resolve(name), out);
            out.closeEntry();
        }
        StringBuilder jars = new StringBuilder();
        try (var files = Files.list(jarRoot.resolve("lib"))) {
            for (Path jar : files.sorted().toList()) jars.append(jar).append(':');
        }
        return jars + probeJar.toString();
    }

    /** init, first and second request as the probe timed them, and the whole process as seen from here. */
    private static double[] probe(
            String classPath, Map<String, String> env, String priming, long author, List<String> jvmOptions)
            throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                classPath,
                FirstRequestProbe.class.getName(),
                "dev.slipway.examples.blog.api.BlogApi",
                "/posts",
                "author=" + author));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("SLIPWAY_PRIMING", priming);
        long start = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("probe failed: " + out);
        double process = (System.nanoTime() - start) / 1e6;
        String line = out.lines()
                .filter(l -> l.startsWith("init="))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no timing line: " + out));
        String[] parts = line.split(" ");
        return new double[] {Stats.value(parts[0]), Stats.value(parts[1]), Stats.value(parts[2]), process};
    }
}
