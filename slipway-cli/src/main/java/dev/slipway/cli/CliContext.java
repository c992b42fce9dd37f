package dev.slipway.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch outside itself: the environment, the working directory and the two output streams.
 * Results go to {@code out}, progress and errors to {@code err}, so scripts can capture the former.
 */
public record CliContext(Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {

    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
    }

    public Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }

    public void progress(String line) {
        err.println("slipway: " + line);
    }
}
