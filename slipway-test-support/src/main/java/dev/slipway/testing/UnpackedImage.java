package dev.slipway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container image run as a container host would, without Docker: the layers of a {@code docker save}-format
 * tarball (what Jib's {@code buildTar} writes) unpacked in order into one root, and its config's entry point,
 * environment and user run in a new PID and mount namespace with its own /proc and the usual devices ({@code
 * unshare}, then {@code chroot}). The network is the host's, so the image reaches servers on 127.0.0.1.
 */
public final class UnpackedImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path rootfs;
    private final JsonNode config;

    private UnpackedImage(Path rootfs, JsonNode config) {
        this.rootfs = rootfs;
        this.config = config;
    }

    /** Unpacks {@code tar} under {@code workDir}. */
    public static UnpackedImage unpack(Path tar, Path workDir) throws Exception {
        Path image = workDir.resolve("image");
        Path rootfs = workDir.resolve("rootfs");
        Files.createDirectories(image);
        run("tar", "-xf", tar.toString(), "-C", image.toString());
        JsonNode manifest =
                JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(
                        image.resolve(manifest.get("Config").asText()).toFile())
                .get("config");
        Files.createDirectories(rootfs.resolve("proc"));
        Files.createDirectories(rootfs.resolve("dev"));
        for (JsonNode layer : manifest.get("Layers")) {
            run("tar", "-xzf", image.resolve(layer.asText()).toString(), "-C", rootfs.toString());
        }
        return new UnpackedImage(rootfs, config);
    }

    /** The image config's {@code config} object (Entrypoint, Env, User, ...). */
    public JsonNode config() {
        return config;
    }

    public Path rootfs() {
        return rootfs;
    }

    /**
     * The entry point, ready to start: the environment is only the image's plus {@code extraEnv} (what a user passes
     * with {@code -e}), the user is the image's (when this test runs as root; else a user namespace maps it).
     */
    public ProcessBuilder entryPoint(Map<String, String> extraEnv) {
        List<String> entryPoint = new ArrayList<>();
        config.get("Entrypoint").forEach(arg -> entryPoint.add(arg.asText()));
        return command(entryPoint, extraEnv);
    }

    /**
     * Another command of the image ({@code args}: a path in the image and its arguments), set up as {@link
     * #entryPoint} is: what a container host runs for a health check. On the host's network, as the entry point.
     */
    public ProcessBuilder command(List<String> args, Map<String, String> extraEnv) {
        List<String> command = new ArrayList<>(
                List.of("unshare", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc=" + rootfs + "/proc"));
        boolean root = isRoot();
        if (!root) command.addAll(1, List.of("--user", "--map-root-user")); // no --userspec without root
        // the devices a container runtime gives every container (without /dev/urandom, the JVM's first
        // SecureRandom waits seconds for entropy); host paths, since the environment below is the image's
        String devices =
                "r=$1; shift; for d in null zero random urandom; do " + onHostPath("touch") + " \"$r/dev/$d\" && "
                        + onHostPath("mount") + " --bind \"/dev/$d\" \"$r/dev/$d\" || exit 1; done; exec \"$@\"";
        command.addAll(List.of(onHostPath("sh"), "-c", devices, "sh", rootfs.toString()));
        command.add(onHostPath("chroot"));
        if (root) command.add("--userspec=" + config.get("User").asText());
        command.add(rootfs.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        config.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        env.putAll(extraEnv);
        return pb;
    }

    /** Whether this JVM runs as root (then the image's user is set with chroot's --userspec). */
    public static boolean isRoot() {
        return "0".equals(uid());
    }

    /** The real uid of this JVM's user. */
    public static String uid() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            return new String(id.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String onHostPath(String program) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Paths.get(dir, program)))
                return Paths.get(dir, program).toString();
        }
        throw new AssertionError(program + " is not on the PATH; running an image needs util-linux and coreutils");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
}
