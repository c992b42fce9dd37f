package dev.slipway.bench;

import dev.slipway.local.layer.JarOnlyZip;
import dev.slipway.local.layer.Outcome;
import dev.slipway.local.layer.RuntimeLayer;
import dev.slipway.local.stack.FunctionSpec;
import dev.slipway.local.stack.LocalFunction;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start side by side with the seeds' stack, in one paired run (issue 8): the same work (process start ->
 * client ready -> connect -> the posts of author 7 with their author -> answer) by
 *
 * <ul>
 *   <li>Prisma 7 with {@code @prisma/adapter-pg}, bundled with esbuild, run by node
 *       ({@code ../shared/peers/prisma}, set up with its {@code setup.sh});
 *   <li>the blog API function from its Lambda zip, started as the Lambda Java runtime starts it (a new JVM running
 *       the runtime client, {@code JAVA_TOOL_OPTIONS} as {@code SlipwayFunction} sets it), answering
 *       {@code GET /posts?author=7} through the Runtime API;
 *   <li>the same with its classes jarred and an AppCDS archive from a training run (a variant that needs a runtime
 *       of one's own on AWS: the archive loads only on the JVM build that wrote it);
 *   <li>the custom runtime that {@code SlipwayFunction.Props.withCustomRuntime} deploys: the layer
 *       {@code slipway runtime-layer} builds (its bootstrap, jlinked JDK 25, AWS's runtime interface client and an
 *       AOT cache of a training run), run as provided.al2023 runs it, with the environment SlipwayFunction gives it.
 * </ul>
 *
 * Each variant is deployed once (unpacked) before the rounds; a round starts a new container of each (JVM start to
 * the first answer through the Runtime API) and stops it. Rounds alternate the variants with Prisma; the table has
 * medians and the median of the per-round ratios.
 *
 * <p>Run: {@code ../shared/peers/prisma/setup.sh /tmp/prisma-peer && ./mvnw -q install -DskipTests && ./mvnw -q
 * -pl bench exec:java -Dexec.mainClass=dev.slipway.bench.ColdStartVsPrismaBench
 * -Dexec.args="--rounds 9 --prisma /tmp/prisma-peer"}
 */
public final class ColdStartVsPrismaBench {

    private static final Path EXAMPLE = ProjectRoot.example();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    /** What SlipwayFunction sets for the managed java21 runtime. */
    private static final String LAMBDA_JAVA_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private static final String HANDLER = "dev.slipway.examples.blog.api.BlogApi::handleRequest";

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(arg(args, "--rounds", "9"));
        // --extra "-Dx=y ...": one more row, the managed-runtime start with these JVM options added (to try one)
        String extra = arg(args, "--extra", null);
        Path prisma = Path.of(arg(args, "--prisma", "/tmp/prisma-peer"));
        Path cold = prisma.resolve("dist/cold.mjs");
        if (!Files.isRegularFile(cold)) {
            System.err.println("No " + cold + ". Set the peer up first: ../shared/peers/prisma/setup.sh " + prisma);
            System.exit(2);
        }
        Path zip = EXAMPLE.resolve("target/blog-api-postgresql.zip");
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            ProjectRoot.migrateBlog(db);
            try (Connection c = db.connect()) {
                for (String statement : Files.readString(
                                ProjectRoot.get().resolveSibling("shared").resolve("peers/prisma/seed.sql"))
                        .split(";")) {
                    String sql = statement.replaceAll("(?m)^--.*$", "").strip();
                    if (!sql.isEmpty()) c.createStatement().execute(sql);
                }
            }
            // Prisma wants postgresql://user[:password]@host:port/db; host and port come from the test
            // server's own JDBC URL (an embedded fallback listens on a random port).
            String databaseUrl = db.url()
                    .replaceFirst(
                            "^jdbc:postgresql://",
                            "postgresql://" + db.user() + (db.password().isEmpty() ? "" : ":" + db.password()) + "@");
            Map<String, String> env = new HashMap<>(ProjectRoot.functionEnv(db));
            env.put("JAVA_TOOL_OPTIONS", LAMBDA_JAVA_OPTIONS);
            Path work = Files.createTempDirectory("slipway-cold-vs-prisma");

            // variant: classes jarred (an archive cannot hold classes from a directory) and an AppCDS archive of
            // what one training run of the function loaded (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile);
            // it loads only on the JVM build that wrote it, so on AWS it needs a runtime of one's own
            Path jarOnly = JarOnlyZip.of(zip, work.resolve("blog-api-jar-only.zip"));
            Path archive = work.resolve("blog-api.jsa");
            Map<String, String> training = new HashMap<>(env);
            training.put("JAVA_TOOL_OPTIONS", LAMBDA_JAVA_OPTIONS + " -XX:ArchiveClassesAtExit=" + archive);
            try (LocalFunction trainer = deploy(new FunctionSpec("api", HANDLER, jarOnly), training, work)) {
                answer(trainer);
            }
            for (int i = 0; i < 200 && !Files.exists(archive); i++) Thread.sleep(100);
            Map<String, String> withArchive = new HashMap<>(env);
            withArchive.put("JAVA_TOOL_OPTIONS", LAMBDA_JAVA_OPTIONS + " -XX:SharedArchiveFile=" + archive);

            // variant: the custom runtime (provided.al2023) as slipway runtime-layer builds it and SlipwayFunction
            // deploys it: its bootstrap, a jlinked JVM, AWS's runtime client, the AOT cache of a training run; no
            // SnapStart there, so SLIPWAY_PRIMING=off, as SlipwayFunction sets it
            // trained as the blog's build trains it: its events, on an embedded PostgreSQL with its migrations
            List<String> trainingEvents = new ArrayList<>();
            for (String event : List.of("create-author.json", "posts-of-author.json")) {
                trainingEvents.add(
                        Files.readString(EXAMPLE.resolve("src/runtime-training").resolve(event)));
            }
            RuntimeLayer.Built layer = RuntimeLayer.build(
                    new RuntimeLayer.Request(
                            zip,
                            HANDLER,
                            Map.of("SLIPWAY_ENGINE", "postgresql"),
                            trainingEvents,
                            work.resolve("layer"),
                            EXAMPLE.resolve("migrations")),
                    line -> {});
            Map<String, String> onLayer = new HashMap<>(env);
            onLayer.remove("JAVA_TOOL_OPTIONS");
            onLayer.put("SLIPWAY_PRIMING", "off");
            onLayer.put("SLIPWAY_CONNECT_AT_INIT", "on");

            Map<String, LocalFunction> variants = new LinkedHashMap<>();
            variants.put(
                    "blog API zip, JVM " + Runtime.version().feature() + " + runtime client, " + LAMBDA_JAVA_OPTIONS,
                    deploy(new FunctionSpec("api", HANDLER, zip), env, work));
            variants.put(
                    "same, classes jarred + AppCDS archive of a training run",
                    deploy(new FunctionSpec("api", HANDLER, jarOnly), withArchive, work));
            variants.put(
                    "custom runtime layer: jlinked JDK " + Runtime.version().feature() + ", AOT cache, AWS RIC",
                    deploy(new FunctionSpec("api", HANDLER, zip, layer.layerZip()), onLayer, work));
            if (extra != null) {
                Map<String, String> withExtra = new HashMap<>(env);
                withExtra.put("JAVA_TOOL_OPTIONS", LAMBDA_JAVA_OPTIONS + " " + extra);
                variants.put(
                        "managed start + " + extra, deploy(new FunctionSpec("api", HANDLER, zip), withExtra, work));
            }
            List<Double> node = new ArrayList<>();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) { // round 0 warms the OS caches and is not counted
                double p = prisma(cold, databaseUrl);
                if (round > 0) node.add(p);
                for (var variant : variants.entrySet()) {
                    double t = coldAnswer(variant.getValue());
                    if (round == 0) continue;
                    times.computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                            .add(t);
                    ratios.computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                            .add(t / p);
                }
            }
            variants.values().forEach(LocalFunction::close);
            System.out.printf(
                    Locale.ROOT,
                    "%ncold start to the first answer of 'posts of author 7 with author', %d paired rounds (ms)%n",
                    rounds);
            System.out.printf(Locale.ROOT, "%-66s %8s %8s %8s%n", "", "median", "min", "ratio");
            row("Prisma 7 + adapter-pg, esbuild bundle, node " + nodeVersion(), node, List.of(1.0));
            for (String label : variants.keySet()) row(label, times.get(label), ratios.get(label));
            System.out.printf(
                    Locale.ROOT,
                    "custom runtime layer: %,d bytes zipped, %,d unpacked; function zip (jars only) %,d bytes%n",
                    Files.size(layer.layerZip()),
                    layer.layerUnpackedBytes(),
                    Files.size(layer.functionZip()));
        }
    }

    private static void row(String label, List<Double> times, List<Double> ratios) {
        System.out.printf(
                Locale.ROOT,
                "%-66s %8.0f %8.0f %8.2f%n",
                label,
                Stats.percentile(times, 50),
                times.stream().mapToDouble(d -> d).min().orElse(0),
                Stats.percentile(ratios, 50));
    }

    private static LocalFunction deploy(FunctionSpec spec, Map<String, String> env, Path work) throws Exception {
        return LocalFunction.deploy(spec, env, work, 1, QUIET);
    }

    /** A new container's first answer (JVM start to the response through the Runtime API), then it is stopped. */
    private static double coldAnswer(LocalFunction function) throws Exception {
        long start = System.nanoTime();
        answer(function);
        double ms = (System.nanoTime() - start) / 1e6;
        function.close();
        return ms;
    }

    private static void answer(LocalFunction function) throws Exception {
        Outcome outcome = function.invoke(postsOfAuthor7(), Duration.ofSeconds(60));
        if (outcome.failed() || !outcome.payload().contains("\"statusCode\":200")) {
            throw new IllegalStateException("the blog function's first answer failed: " + outcome);
        }
    }

    private static double prisma(Path cold, String databaseUrl) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", cold.toString()).redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", databaseUrl);
        long start = System.nanoTime();
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("Prisma's cold.mjs failed: " + output);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String postsOfAuthor7() {
        return "{\"version\":\"2.0\",\"routeKey\":\"GET /posts\",\"rawPath\":\"/posts\",\"rawQueryString\":\"author=7\","
                + "\"queryStringParameters\":{\"author\":\"7\"},\"headers\":{\"accept\":\"application/json\"},"
                + "\"requestContext\":{\"requestId\":\"cold\",\"http\":{\"method\":\"GET\",\"path\":\"/posts\"}},"
                + "\"isBase64Encoded\":false}";
    }

    private static String nodeVersion() throws Exception {
        Process p = new ProcessBuilder("node", "--version").start();
        String v = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return v;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }
}
