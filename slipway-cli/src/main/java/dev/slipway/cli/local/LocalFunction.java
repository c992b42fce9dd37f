package dev.slipway.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function deployed locally from its Lambda zip: unpacked once (by content hash) under the work directory, served
 * by up to {@code maxContainers} containers that start on demand and are reused, like Lambda's warm containers.
 */
public final class LocalFunction implements AutoCloseable {

    private final String name;
    private final Path taskRoot;
    private final String handler;
    private final Map<String, String> env;
    private final Path javaHome;
    private final PrintStream log;
    private final BlockingQueue<LocalContainer> idle;
    private final List<LocalContainer> all = new ArrayList<>();
    private final int maxContainers;

    private LocalFunction(
            String name, Path taskRoot, String handler, Map<String, String> env, int maxContainers, PrintStream log) {
        this.name = name;
        this.taskRoot = taskRoot;
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
        Path root = workDir.resolve(name + "-" + sha256(artifact).substring(0, 12));
        if (!Files.isDirectory(root)) unzip(artifact, root);
        return new LocalFunction(name, root, handler, env, maxContainers, log);
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
                LocalContainer started = LocalContainer.start(name, taskRoot, handler, env, javaHome, log);
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

    private static void unzip(Path zip, Path target) throws IOException {
        Path partial =
                Files.createTempDirectory(target.getParent() == null ? Path.of(".") : createParent(target), "unzip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) throw new IOException("Zip entry outside the target: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path createParent(Path target) throws IOException {
        return Files.createDirectories(target.getParent());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
