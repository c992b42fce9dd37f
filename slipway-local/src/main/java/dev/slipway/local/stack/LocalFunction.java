package dev.slipway.local.stack;

import dev.slipway.local.layer.JarOnlyZip;
import dev.slipway.local.layer.LambdaZips;
import dev.slipway.local.layer.Outcome;
import dev.slipway.local.layer.RuntimeLayer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A function deployed locally from its Lambda zip: unpacked once (by content hash) under the work directory, served
 * by up to {@code maxContainers} containers that start on demand and are reused, like Lambda's warm containers.
 */
public final class LocalFunction implements AutoCloseable {

    private final String name;
    private final Path taskRoot;
    private final Path runtimeLayer;
    private final String handler;
    private final Map<String, String> env;
    private final Path javaHome;
    private final PrintStream log;
    private final BlockingQueue<LocalContainer> idle;
    private final List<LocalContainer> all = new ArrayList<>();
    private final int maxContainers;

    private LocalFunction(
            String name,
            Path taskRoot,
            Path runtimeLayer,
            String handler,
            Map<String, String> env,
            int maxContainers,
            PrintStream log) {
        this.name = name;
        this.taskRoot = taskRoot;
        this.runtimeLayer = runtimeLayer;
        this.handler = handler;
        this.env = Map.copyOf(env);
        this.javaHome = Path.of(System.getProperty("java.home"));
        this.log = log;
        this.maxContainers = maxContainers;
        this.idle = new ArrayBlockingQueue<>(maxContainers);
    }

    /** Unpacks {@code artifact} (a Lambda zip) under {@code workDir} unless that exact zip already is. */
    public static LocalFunction deploy(
            String name,
            Path artifact,
            String handler,
            Map<String, String> env,
            Path workDir,
            int maxContainers,
            PrintStream log)
            throws IOException {
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalArgumentException("Function '" + name + "': no artifact at " + artifact + ". Build it"
                    + " first (for the example: ./mvnw -pl examples/blog -am package -DskipTests).");
        }
        Path root = workDir.resolve(
                name + "-" + dev.slipway.packaging.FileHash.sha256(artifact).substring(0, 12));
        if (!Files.isDirectory(root)) LambdaZips.unzip(artifact, root);
        return new LocalFunction(name, root, null, handler, env, maxContainers, log);
    }

    /**
     * As {@link #deploy}, on the function's custom runtime layer when it declares one and it is built (its
     * bootstrap, JVM and AOT cache, as Lambda's provided.al2023 runs them); else on the managed-runtime path,
     * saying why on {@code log}.
     */
    public static LocalFunction deploy(
            FunctionSpec spec, Map<String, String> env, Path workDir, int maxContainers, PrintStream log)
            throws IOException {
        Path layer = spec.runtimeLayer();
        if (layer == null)
            return deploy(spec.name(), spec.artifact(), spec.handler(), env, workDir, maxContainers, log);
        if (!Files.isRegularFile(layer)) {
            log.println("[" + spec.name() + "] no custom runtime layer at " + layer + " (slipway runtime-layer builds"
                    + " it; the example's ./mvnw package does on JDK 25): running it as the managed Java runtime"
                    + " would");
            return deploy(spec.name(), spec.artifact(), spec.handler(), env, workDir, maxContainers, log);
        }
        return onLayer(spec, layer, env, workDir, maxContainers, log);
    }

    private static LocalFunction onLayer(
            FunctionSpec spec, Path layer, Map<String, String> env, Path workDir, int maxContainers, PrintStream log)
            throws IOException {
        if (!Files.isRegularFile(spec.artifact())) {
            throw new IllegalArgumentException("Function '" + spec.name() + "': no artifact at " + spec.artifact()
                    + ". Build it first (for the example: ./mvnw -pl examples/blog -am package -DskipTests).");
        }
        Files.createDirectories(workDir);
        Path jars = JarOnlyZip.of(spec.artifact(), Files.createTempFile(workDir, spec.name(), "-jars.zip"));
        try {
            String trainedOn = RuntimeLayer.trainedOn(layer);
            String function = dev.slipway.packaging.FileHash.sha256(jars);
            if (!function.equals(trainedOn)) {
                throw new IllegalArgumentException("Function '" + spec.name() + "': its runtime layer " + layer
                        + " was trained on another build of " + spec.artifact().getFileName() + " (an AOT cache"
                        + " holds the classes it was trained on). Build both again: ./mvnw package.");
            }
            // the layout of Lambda's file system, /opt and /var/task, under one directory: the AOT cache finds
            // its class path again by the part after their common prefix
            Path root = workDir.resolve(spec.name() + "-" + function.substring(0, 12) + "-"
                    + dev.slipway.packaging.FileHash.sha256(layer).substring(0, 12));
            if (!Files.isDirectory(root)) {
                Path partial = Files.createTempDirectory(workDir, "layer");
                LambdaZips.unzip(jars, partial.resolve("var/task"));
                LambdaZips.unzip(layer, partial.resolve("opt"));
                Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            }
            return new LocalFunction(
                    spec.name(),
                    root.resolve("var/task"),
                    root.resolve("opt"),
                    spec.handler(),
                    env,
                    maxContainers,
                    log);
        } finally {
            Files.deleteIfExists(jars);
        }
    }

    /** Where its zip is unpacked: the task root, as Lambda's {@code LAMBDA_TASK_ROOT}. */
    public Path taskRoot() {
        return taskRoot;
    }

    public String name() {
        return name;
    }

    /** Invokes with {@code event} on a warm container, or a new one while fewer than the maximum exist. */
    public Outcome invoke(String event, Duration timeout) throws Exception {
        LocalContainer container = idle.poll();
        if (container == null || !container.alive()) container = startOrWait();
        try {
            return container.invoke(event, timeout);
        } finally {
            idle.offer(container);
        }
    }

    private LocalContainer startOrWait() throws Exception {
        synchronized (all) {
            all.removeIf(c -> !c.alive());
            if (all.size() < maxContainers) {
                LocalContainer started =
                        LocalContainer.start(name, taskRoot, runtimeLayer, handler, env, javaHome, log);
                all.add(started);
                return started;
            }
        }
        return idle.take();
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(LocalContainer::close);
            all.clear();
        }
    }
}
