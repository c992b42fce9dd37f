package dev.slipway.bench;

import dev.slipway.core.routes.RoutesFile;
import dev.slipway.local.layer.JarOnlyZip;
import dev.slipway.local.layer.Outcome;
import dev.slipway.local.stack.LocalFunction;
import dev.slipway.local.stack.LocalHttpApi;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The blog API function, as {@code slipway up} runs it from its Lambda zip:
 *
 * <ol>
 *   <li>cold start: new JVM -> first successful API response (init, DB connect, one query), against an empty
 *       Java main started the same way, with and without an AppCDS archive (JAVA_TOOL_OPTIONS, as on Lambda);
 *   <li>warm requests through the local HTTP API (GET /authors/1), against a bare HTTP server on loopback;
 *   <li>package sizes.
 * </ol>
 *
 * Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.ColdStartBench -Dexec.args="--rounds 5 --requests 2000"}
 */
public final class ColdStartBench {

    private static final Path EXAMPLE = ProjectRoot.example();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    public static void main(String[] args) throws Exception {
        int rounds = arg(args, "--rounds", 5);
        int requests = arg(args, "--requests", 2000);
        Path zip = EXAMPLE.resolve("target/blog-api-postgresql.zip");
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            ProjectRoot.migrateBlog(db);
            try (var c = db.connect()) {
                c.createStatement().execute("insert into author (email, name) values ('ada@example.com', 'Ada')");
            }
            Map<String, String> env = ProjectRoot.functionEnv(db);
            Path work = Files.createTempDirectory("slipway-bench");
            Path jarOnly = JarOnlyZip.of(zip, work.resolve("blog-api-jar-only.zip"));
            Path archive = work.resolve("blog-api.jsa");
            train(jarOnly, env, work, archive);

            List<Double> empty = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            List<Double> jars = new ArrayList<>();
            List<Double> cds = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                empty.add(emptyJvm());
                plain.add(coldStart(zip, env, work, null));
                jars.add(coldStart(jarOnly, env, work, null));
                cds.add(coldStart(jarOnly, env, work, "-XX:SharedArchiveFile=" + archive));
            }
            double emptyMs = Stats.percentile(empty, 50);
            System.out.printf(
                    Locale.ROOT, "%ncold start, median of %d (ms; ratio to an empty JVM in the same run)%n", rounds);
            row("empty Java main", empty, emptyMs);
            row("blog API zip, first response", plain, emptyMs);
            row("same, classes jarred (lib/app.jar)", jars, emptyMs);
            row("same, jarred + AppCDS archive", cds, emptyMs);

            warm(zip, env, work, requests);
        }
        System.out.printf("%npackage sizes (bytes)%n");
        for (String name : List.of("blog-api-postgresql.zip", "blog-api-mysql.zip", "blog-migrations.zip")) {
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %12d%n",
                    name,
                    Files.size(EXAMPLE.resolve("target").resolve(name)));
        }
    }

    private static void row(String name, List<Double> values, double baseline) {
        double median = Stats.percentile(values, 50);
        System.out.printf(Locale.ROOT, "%-40s %10.0f %8.2f%n", name, median, median / baseline);
    }

    private static double coldStart(Path zip, Map<String, String> env, Path work, String jvmOptions) throws Exception {
        Map<String, String> withOptions = new java.util.HashMap<>(env);
        if (jvmOptions != null) withOptions.put("JAVA_TOOL_OPTIONS", jvmOptions);
        long start = System.nanoTime();
        try (LocalFunction function = LocalFunction.deploy("api", zip, handler(), withOptions, work, 1, QUIET)) {
            Outcome outcome = function.invoke(event("/authors/1"), Duration.ofSeconds(60));
            if (outcome.failed() || !outcome.payload().contains("\"statusCode\":200")) {
                throw new IllegalStateException("cold start request failed: " + outcome);
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** Runs once with -XX:ArchiveClassesAtExit so later starts can map the classes it loaded. */
    private static void train(Path zip, Map<String, String> env, Path work, Path archive) throws Exception {
        Map<String, String> training = new java.util.HashMap<>(env);
        training.put("JAVA_TOOL_OPTIONS", "-XX:ArchiveClassesAtExit=" + archive);
        try (LocalFunction function = LocalFunction.deploy("api", zip, handler(), training, work, 1, QUIET)) {
            function.invoke(event("/authors/1"), Duration.ofSeconds(60));
        }
        for (int i = 0; i < 100 && !Files.exists(archive); i++) Thread.sleep(100);
        if (!Files.exists(archive)) throw new IllegalStateException("the AppCDS archive was not written");
    }

    private static double emptyJvm() throws Exception {
        Path classes = Path.of(EmptyMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classes.toString(),
                        EmptyMain.class.getName())
                .inheritIO()
                .start();
        p.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void warm(Path zip, Map<String, String> env, Path work, int requests) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> bare = new ArrayList<>();
        var server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            byte[] body = "{\"id\":1}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        measure(http, "http://127.0.0.1:" + server.getAddress().getPort() + "/authors/1", requests, bare);
        server.stop(0);

        List<Double> api = new ArrayList<>();
        try (LocalFunction function = LocalFunction.deploy("api", zip, handler(), env, work, 1, QUIET);
                LocalHttpApi local = new LocalHttpApi(
                                0,
                                RoutesFile.read(EXAMPLE.resolve("routes")),
                                Map.of("api", function),
                                dev.slipway.local.stack.LocalAuthorizer.development(
                                        dev.slipway.local.stack.DevIssuer.of(work), "slipway-api", Map.of()))
                        .start()) {
            measure(http, "http://127.0.0.1:" + local.port() + "/authors/1", requests, api);
        }
        System.out.printf(
                Locale.ROOT, "%nwarm GET /authors/1, %d sequential requests after 200 warm-up (ms)%n", requests);
        System.out.printf(Locale.ROOT, "%-40s %8s %8s %10s%n", "", "p50", "p99", "p50 ratio");
        double bareP50 = Stats.percentile(bare, 50);
        System.out.printf(
                Locale.ROOT,
                "%-40s %8.2f %8.2f %10.2f%n",
                "bare HTTP server (baseline)",
                bareP50,
                Stats.percentile(bare, 99),
                1.0);
        System.out.printf(
                Locale.ROOT,
                "%-40s %8.2f %8.2f %10.2f%n",
                "local API -> blog function -> PostgreSQL",
                Stats.percentile(api, 50),
                Stats.percentile(api, 99),
                Stats.percentile(api, 50) / bareP50);
    }

    private static void measure(HttpClient http, String url, int requests, List<Double> into)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; i < requests + 200; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200)
                throw new IllegalStateException(url + " answered " + response.statusCode());
            if (i >= 200) into.add((System.nanoTime() - start) / 1e6);
        }
    }

    private static String handler() {
        return "dev.slipway.examples.blog.api.BlogApi::handleRequest";
    }

    private static String event(String path) {
        return "{\"version\":\"2.0\",\"routeKey\":\"GET /authors/{id}\",\"rawPath\":\"" + path
                + "\",\"rawQueryString\":\"\","
                + "\"headers\":{\"accept\":\"application/json\"},\"requestContext\":{\"requestId\":\"bench\",\"http\":"
                + "{\"method\":\"GET\",\"path\":\"" + path + "\"}},\"isBase64Encoded\":false}";
    }

    private static int arg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
