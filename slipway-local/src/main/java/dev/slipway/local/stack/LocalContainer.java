package dev.slipway.local.stack;

import dev.slipway.local.layer.Outcome;
import dev.slipway.local.layer.RuntimeApi;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One simulated Lambda container: a child JVM running Slipway's bootstrap with the function's code
 * (task root + {@code lib/*}) and environment, initialised once and reused for every invocation it gets, one at a
 * time, as Lambda does. Its output is copied to {@code log}, prefixed with the function's name.
 *
 * <p>Each container has a temporary directory of its own, as each Lambda execution environment has its own
 * {@code /tmp}: {@code TMPDIR} and the JVM's {@code java.io.tmpdir} name it (the managed runtime's command line; a
 * custom runtime's bootstrap passes {@code TMPDIR} on), and it is deleted when the container ends. Code that writes
 * to the literal path {@code /tmp} still shares the machine's: AWS's runtime interface client did (its native
 * library), which the runtime layer now loads from {@code /opt} as Lambda's managed runtime does. Lambda's 512 MB
 * limit on {@code /tmp} is not enforced here.
 */
final class LocalContainer implements AutoCloseable {

    private final String name;
    private final RuntimeApi runtimeApi;
    private final Process process;
    private final Path tmp;

    private LocalContainer(String name, RuntimeApi runtimeApi, Process process, Path tmp) {
        this.name = name;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.tmp = tmp;
    }

    /**
     * Starts a container: with {@code runtimeLayer} (a custom runtime's unpacked layer, Lambda's /opt) its
     * {@code bootstrap}, as provided.al2023 does; else a JVM running Slipway's runtime client with the options of
     * Lambda's managed Java runtime.
     */
    static LocalContainer start(
            String name,
            Path taskRoot,
            Path runtimeLayer,
            String handler,
            Map<String, String> env,
            Path javaHome,
            PrintStream log)
            throws IOException {
        RuntimeApi api = new RuntimeApi(name);
        Path tmp = Files.createTempDirectory("slipway-" + name + "-tmp-");
        List<String> command = runtimeLayer != null
                ? List.of(
                        "/bin/sh",
                        runtimeLayer.resolve("bootstrap").toAbsolutePath().toString())
                : List.of(
                        javaHome.resolve("bin/java").toString(),
                        "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto",
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        classpath(taskRoot),
                        "dev.slipway.local.runtime.Bootstrap",
                        handler);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(k -> k.startsWith("SLIPWAY_") || k.startsWith("AWS_"));
        childEnv.putAll(env);
        childEnv.putAll(api.runtimeEnvironment(taskRoot, handler));
        childEnv.put("AWS_REGION", env.getOrDefault("AWS_REGION", "local"));
        childEnv.put("TMPDIR", tmp.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            dev.slipway.core.FileTrees.deleteQuietly(tmp);
            api.close();
            throw e;
        }
        Thread pump = new Thread(() -> copy(process, name, log), "log-" + name);
        pump.setDaemon(true);
        pump.start();
        return new LocalContainer(name, api, process, tmp);
    }

    /** Invokes the function with {@code event} (JSON) and returns what it answered. */
    synchronized Outcome invoke(String event, Duration timeout) throws Exception {
        if (!process.isAlive()) {
            return new Outcome(
                    null,
                    "{\"errorMessage\":\"the " + name + " container exited with code " + process.exitValue()
                            + "; see its output above\"}");
        }
        return runtimeApi.invoke(event, timeout, process.onExit());
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        runtimeApi.close();
        dev.slipway.core.FileTrees.deleteQuietly(tmp);
    }

    private static String classpath(Path taskRoot) throws IOException {
        List<String> entries = new ArrayList<>();
        // the root only when it holds classes or resources: an empty directory entry would stop AppCDS archiving
        try (Stream<Path> top = Files.list(taskRoot)) {
            if (top.anyMatch(p -> !p.getFileName().toString().equals("lib"))) entries.add(taskRoot.toString());
        }
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
            }
        }
        entries.addAll(RuntimeClient.jars());
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Process process, String name, PrintStream log) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.println("[" + name + "] " + line);
            }
        } catch (IOException ignored) { // the process ended
        }
    }
}
