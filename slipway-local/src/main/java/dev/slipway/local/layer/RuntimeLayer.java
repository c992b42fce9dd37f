package dev.slipway.local.layer;

import dev.slipway.local.internal.ClassJars;
import dev.slipway.packaging.RuntimeLayerFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the fast path of a function for Lambda's custom runtime ({@code provided.al2023}): its zip with jars only,
 * and a layer with a Java runtime jlinked from the JDK running this, AWS's runtime interface client, a
 * {@code bootstrap}, and a JDK 25 AOT cache written by a training run of that very function through the layer's
 * own bootstrap (the same JVM, class path and options as on Lambda; an AOT cache loads only there).
 *
 * <p>Written by hand because nothing packages a jlinked runtime with a trained cache as a Lambda layer; jlink,
 * the JVM's {@code -XX:AOTCacheOutput} and AWS's runtime client do the work. In the training run the function
 * primes its routes on jOOQ's MockConnection at init ({@code SLIPWAY_PRIMING=routes}), which loads and runs the
 * request path, then answers the training events through the Runtime API: on an embedded PostgreSQL with the
 * project's migrations and its secret from a local Secrets Manager when {@link Request#trainingMigrations} is set
 * (PostgreSQL), else with nothing to reach (their secret read and connect fail at a closed port).
 *
 * <p>The layer is for the build machine's architecture (the jlinked JVM is the build JDK's): build on x86_64 for
 * {@code x86_64} functions and on arm64 (a Graviton CI runner) for {@code arm64} ones.
 */
public final class RuntimeLayer {

    /** The JDK modules a Slipway function uses (jdeps over the blog API's jars and AWS's runtime client). */
    static final String MODULES = "java.base,java.sql,java.naming,java.management,java.net.http,"
            + "java.security.jgss,java.security.sasl,jdk.unsupported";

    static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** JVM options of the bootstrap, the same in the training run (an AOT cache checks the JVM's options). */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData", // no hsperfdata file to map: about 10-20 ms at start here; nothing reads it on Lambda
            "--enable-native-access=ALL-UNNAMED"); // the runtime client's JNI library, without a warning

    /** Where, under the layer (Lambda's /opt), the runtime's files are. */
    static final String JAVA_DIR = "slipway-java";

    static final String RUNTIME_DIR = "slipway-runtime";
    static final String CACHE_FILE = RUNTIME_DIR + "/function.aot";
    /**
     * The runtime interface client's native library, unpacked once into the layer. Without it the client unpacks its
     * copy to the fixed path {@code /tmp/.libaws-lambda-jni.so} at every start: on Lambda each environment has its
     * own {@code /tmp}, but containers on one machine share it, and one rewrote the file while another mapped it
     * (SIGBUS, issue 27). Lambda's managed Java runtime passes the same property.
     */
    static final String JNI_FILE = RUNTIME_DIR + "/libaws-lambda-jni.so";

    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /**
     * The layer's budget, unpacked: a JVM (~70 MB) and a cache (~60 MB) with room to grow, leaving the function
     * zip and other layers room under Lambda's 250 MB for a function with its layers.
     */
    public static final long LAYER_BUDGET_BYTES = 160_000_000L;

    /** Slipway's budget for a handler's zip (the jars zip too): 10 MB. */
    public static final long FUNCTION_BUDGET_BYTES = 10L * 1024 * 1024;

    /** Lambda's quota for a function and its layers, unpacked (262,144,000 bytes). */
    static final long LAMBDA_UNZIPPED_QUOTA_BYTES = 250L * 1024 * 1024;

    /** A minimal HTTP API event: enough to run the runtime client's invoke path once. */
    static final String DEFAULT_TRAINING_EVENT = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/\","
            + "\"rawQueryString\":\"\",\"headers\":{\"accept\":\"application/json\"},\"requestContext\":"
            + "{\"requestId\":\"training\",\"http\":{\"method\":\"GET\",\"path\":\"/\"}},\"isBase64Encoded\":false}";

    private static final String[] RUNTIME_CLIENT_CLASSES = {
        RUNTIME_CLIENT_MAIN,
        "com.amazonaws.services.lambda.runtime.Context", // aws-lambda-java-core
        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", // aws-lambda-java-serialization
        "software.amazon.awssdk.utilslite.SdkInternalThreadLocal" // utils-lite
    };

    /**
     * What to build from: the function's Lambda zip and handler, the environment of the training run (say
     * {@code SLIPWAY_ENGINE}), its events (JSON; none: one minimal HTTP API event), and where the results go.
     */
    public record Request(
            Path functionZip,
            String handler,
            Map<String, String> trainingEnv,
            List<String> trainingEvents,
            Path outputDir,
            Path trainingMigrations) {

        /** Training without a database of its own. */
        public Request(
                Path functionZip,
                String handler,
                Map<String, String> trainingEnv,
                List<String> trainingEvents,
                Path outputDir) {
            this(functionZip, handler, trainingEnv, trainingEvents, outputDir, null);
        }
    }

    /** The function zip (jars only) and layer zip written, the layer's unpacked size, and the training's time. */
    public record Built(Path functionZip, Path layerZip, long layerUnpackedBytes, Duration training) {}

    private RuntimeLayer() {}

    /** {@code <zip name>-jars.zip} and {@code <zip name>-runtime.zip} in the output directory. */
    public static Built build(Request request, Consumer<String> progress) throws Exception {
        if (Runtime.version().feature() < 25) {
            throw new IllegalStateException("The custom runtime is a JDK 25 runtime with a JDK 25 AOT cache, jlinked"
                    + " from the JDK that builds it; this build runs on JDK "
                    + Runtime.version().feature()
                    + ". Run it with a JDK 25 (JAVA_HOME, or a Maven toolchain), or leave the custom runtime out.");
        }
        if (!System.getProperty("os.name").equals("Linux")) {
            throw new IllegalStateException("The custom runtime's JVM is jlinked from the build JDK, so it is built on"
                    + " Linux (this is " + System.getProperty("os.name") + "): build it on a Linux CI machine of the"
                    + " function's architecture.");
        }
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("No jlink in " + System.getProperty("java.home")
                        + ": the custom runtime is jlinked from the build JDK, so build with a full JDK 25, not a"
                        + " JRE."));
        if (!Files.isRegularFile(request.functionZip())) {
            throw new IllegalArgumentException(
                    "No function zip at " + request.functionZip() + ": build it first (./mvnw package).");
        }
        String name = request.functionZip().getFileName().toString().replaceFirst("\\.zip$", "");
        Path out = Files.createDirectories(request.outputDir());
        Path work = out.resolve(name + "-runtime-build");
        dev.slipway.core.FileTrees.delete(work);
        Path opt = Files.createDirectories(work.resolve("opt"));
        Path task = work.resolve("var/task");

        progress.accept("Repackaging " + request.functionZip().getFileName() + " as jars only");
        Path functionZip = JarOnlyZip.of(request.functionZip(), out.resolve(name + "-jars.zip"));
        if (Files.size(functionZip) > FUNCTION_BUDGET_BYTES) {
            throw new IllegalStateException(
                    dev.slipway.packaging.ZipBudget.report(functionZip, Files.size(functionZip), FUNCTION_BUDGET_BYTES)
                            + ": over the handler budget. Leave out dependencies the function does not use (mvn"
                            + " dependency:tree shows them).");
        }
        LambdaZips.unzip(functionZip, task);

        progress.accept("jlinking a Java " + Runtime.version().feature() + " runtime (" + MODULES + ")");
        StringWriter jlinkOutput = new StringWriter();
        int jlinked = jlink.run(
                new PrintWriter(jlinkOutput),
                new PrintWriter(jlinkOutput),
                "--add-modules",
                MODULES,
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--output",
                opt.resolve(JAVA_DIR).toString());
        if (jlinked != 0) throw new IllegalStateException("jlink failed (" + jlinked + "): " + jlinkOutput);

        Path lib = Files.createDirectories(opt.resolve(RUNTIME_DIR).resolve("lib"));
        List<String> classPath = new ArrayList<>();
        for (Path jar : runtimeClientJars()) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
            classPath.add("$opt/" + RUNTIME_DIR + "/lib/" + jar.getFileName());
        }
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar"))
                    .sorted()
                    .forEach(n -> classPath.add("$task/lib/" + n));
        }
        unpackJni(opt.resolve(JNI_FILE));
        Path bootstrap = opt.resolve("bootstrap");
        Files.writeString(bootstrap, bootstrapScript(name, classPath), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));

        progress.accept("Training the AOT cache: the function's init and "
                + events(request).size() + " event(s) through the layer's bootstrap");
        Duration training = train(request, bootstrap, task, opt.resolve(CACHE_FILE), progress);
        Files.writeString(
                opt.resolve(RuntimeLayerFiles.TRAINED_ON), dev.slipway.packaging.FileHash.sha256(functionZip) + "\n");
        Files.writeString(opt.resolve(RuntimeLayerFiles.ARCHITECTURE), lambdaArchitecture() + "\n");

        Path layerZip = out.resolve(name + "-runtime.zip");
        LambdaZips.zip(opt, layerZip);
        long unpacked = size(opt);
        long function = size(task);
        dev.slipway.core.FileTrees.delete(work);
        if (unpacked > LAYER_BUDGET_BYTES || unpacked + function > LAMBDA_UNZIPPED_QUOTA_BYTES) {
            throw new IllegalStateException(String.format(
                    java.util.Locale.ROOT,
                    "The runtime layer is %,d bytes unpacked (budget %,d) and the function %,d: Lambda allows %,d"
                            + " for both. Leave JDK modules out (jlink), or train on less of the function.",
                    unpacked,
                    LAYER_BUDGET_BYTES,
                    function,
                    LAMBDA_UNZIPPED_QUOTA_BYTES));
        }
        return new Built(functionZip, layerZip, unpacked, training);
    }

    /**
     * The training run, with a database when {@code trainingMigrations} is set and the engine is PostgreSQL (an
     * embedded one, migrated, its secret served by a local Secrets Manager), else with nothing to reach.
     */
    private static Duration train(Request request, Path bootstrap, Path task, Path cache, Consumer<String> progress)
            throws Exception {
        String engine = request.trainingEnv().getOrDefault("SLIPWAY_ENGINE", "");
        if (request.trainingMigrations() == null) {
            return TrainingRun.run(
                    bootstrap, task, request.handler(), request.trainingEnv(), events(request), cache, progress);
        }
        if (!engine.equals("postgresql")) {
            progress.accept("No embedded database for SLIPWAY_ENGINE=" + (engine.isEmpty() ? "(unset)" : engine)
                    + " here (PostgreSQL only): training on the function's start and on answers without a database");
            // with nothing to reach, 503 is the right answer to every event: only other outcomes are news
            Consumer<String> unexpected = line -> {
                if (!line.matches("Training event \\d+: HTTP 503")) progress.accept(line);
            };
            return TrainingRun.run(
                    bootstrap, task, request.handler(), request.trainingEnv(), events(request), cache, unexpected);
        }
        try (TrainingDatabase database = TrainingDatabase.start(request.trainingMigrations(), progress);
                LocalSecretsManager secrets = new LocalSecretsManager(database.secretJson())) {
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("SLIPWAY_DB_SECRET_ARN", LocalSecretsManager.ARN);
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint());
            env.putAll(request.trainingEnv());
            Duration took = TrainingRun.run(bootstrap, task, request.handler(), env, events(request), cache, progress);
            progress.accept("The training run read its secret " + secrets.reads() + " time(s), from a local Secrets"
                    + " Manager, for an embedded PostgreSQL");
            return took;
        }
    }

    /** The build machine's architecture as Lambda names it; the jlinked JVM and the cache are for it only. */
    static String lambdaArchitecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default ->
                throw new IllegalStateException("Lambda runs x86_64 and arm64 only; this JDK is for " + arch
                        + ". Build the runtime layer on an x86_64 or arm64 Linux machine.");
        };
    }

    /** The SHA-256 of the function zip that {@code layerZip}'s AOT cache was trained on. */
    public static String trainedOn(Path layerZip) throws IOException {
        return RuntimeLayerFiles.read(layerZip, RuntimeLayerFiles.TRAINED_ON);
    }

    /** The bootstrap Lambda runs ({@code /opt/bootstrap}); {@code $task} is LAMBDA_TASK_ROOT, as AWS sets it. */
    static String bootstrapScript(String functionName, List<String> classPath) {
        return "#!/bin/sh\n"
                + "# Slipway's custom runtime (provided.al2023) for " + functionName + ": a Java "
                + Runtime.version().feature() + " runtime jlinked from " + Runtime.version() + ",\n"
                + "# AWS's runtime interface client, and an AOT cache trained on that function zip. The cache loads\n"
                + "# only with this JVM, this class path and these options (so change them here and nowhere else).\n"
                + "opt=${0%/bootstrap}\n"
                + "task=${LAMBDA_TASK_ROOT:-/var/task}\n"
                + "cache=\"-XX:AOTCache=$opt/" + CACHE_FILE + "\"\n"
                + "# the build's training run writes the cache instead\n"
                + "[ -n \"$SLIPWAY_AOT_CACHE_OUTPUT\" ] && cache=\"-XX:AOTCacheOutput=$SLIPWAY_AOT_CACHE_OUTPUT\"\n"
                + "cd \"$task\" || exit 1\n"
                + "exec \"$opt/" + JAVA_DIR + "/bin/java\" $cache " + String.join(" ", JVM_OPTIONS) + " \\\n"
                + "  -D" + JNI_PROPERTY + "=\"$opt/" + JNI_FILE + "\" -Djava.io.tmpdir=\"${TMPDIR:-/tmp}\" \\\n"
                + "  -cp \"" + String.join(":", classPath) + "\" \\\n"
                + "  " + RUNTIME_CLIENT_MAIN + " \"$_HANDLER\"\n";
    }

    private static List<String> events(Request request) {
        return request.trainingEvents().isEmpty() ? List.of(DEFAULT_TRAINING_EVENT) : request.trainingEvents();
    }

    /** Copies the runtime interface client's native library for this machine's architecture to {@code target}. */
    static void unpackJni(Path target) throws IOException {
        String entry =
                "jni/libaws-lambda-jni.linux-" + (lambdaArchitecture().equals("arm64") ? "aarch_64" : "x86_64") + ".so";
        for (Path jar : runtimeClientJars()) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                java.util.zip.ZipEntry found = zip.getEntry(entry);
                if (found == null) continue;
                try (java.io.InputStream in = zip.getInputStream(found)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            }
        }
        throw new IllegalStateException("AWS's runtime interface client has no " + entry + " in " + runtimeClientJars()
                + ": use a version of it that ships its native library for Linux.");
    }

    /** AWS's runtime interface client and what it needs, from this CLI's own class path. */
    static List<Path> runtimeClientJars() {
        return ClassJars.of("AWS's Lambda runtime interface client", RUNTIME_CLIENT_CLASSES);
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }
}
