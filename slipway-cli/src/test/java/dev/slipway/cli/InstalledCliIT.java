package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as users install it: {@code ./install} copies the built distribution ({@code target/slipway}) and links
 * the command into a bin directory; then the linked command runs from a project outside this checkout, with no
 * JAVA_HOME and only /usr/bin and /bin on the PATH (whose java is 17 on the build machine: bin/find-jdk passes it
 * by and finds a JDK >= 21 where JDKs are installed).
 */
class InstalledCliIT {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void installedCommand_runsFromAnyDirectory_withItsVersionAndCompletion(@TempDir Path home) throws Exception {
        Path bin = home.resolve("bin");
        Result installed = run(
                List.of(CHECKOUT.resolve("install").toString()),
                home,
                Map.of(
                        "SLIPWAY_INSTALL_FROM",
                                Path.of("target/slipway").toAbsolutePath().toString(),
                        "SLIPWAY_INSTALL_DIR", home.resolve("share/slipway").toString(),
                        "SLIPWAY_BIN_DIR", bin.toString()));
        assertThat(installed.code()).as(installed.output()).isZero();
        assertThat(installed.output()).contains("Installed: " + bin.resolve("slipway"));
        assertThat(Files.isSymbolicLink(bin.resolve("slipway"))).isTrue();

        // a project of the user's own, outside the checkout
        Path project = Files.createDirectories(home.resolve("my-project"));
        Files.copy(CHECKOUT.resolve("examples/blog/schema.sql"), project.resolve("schema.sql"));
        copyTree(CHECKOUT.resolve("examples/blog/migrations"), project.resolve("migrations"));
        String slipway = bin.resolve("slipway").toString();

        Result version = run(List.of(slipway, "--version"), project, Map.of());
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).matches("(?s)slipway 0\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava \\d+.*");

        Result hash = run(List.of(slipway, "schema", "hash"), project, Map.of());
        assertThat(hash.code()).as(hash.output()).isZero();
        assertThat(hash.output().lines().toList())
                .anyMatch(l -> l.matches("postgresql [0-9a-f]{64}"))
                .anyMatch(l -> l.matches("mysql [0-9a-f]{64}"));

        Result lint = run(List.of(slipway, "migrate", "lint"), project, Map.of());
        assertThat(lint.code()).as(lint.output()).isZero();

        Result completion = run(List.of(slipway, "generate-completion"), project, Map.of());
        assertThat(completion.code()).isZero();
        assertThat(completion.output())
                .contains("complete -F")
                .contains("runtime-layer")
                .contains("migrate");
    }

    private record Result(int code, String output) {}

    /** Runs {@code command} in {@code dir} with no JAVA_HOME, the system PATH only, and {@code env}. */
    private static Result run(List<String> command, Path dir, Map<String, String> env) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", dir.toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("SLIPWAY_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) process.destroyForcibly();
        return new Result(process.exitValue(), output);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
