package dev.slipway.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the benchmarks run in, found from the working directory (the root or bench/), not assumed. */
final class ProjectRoot {

    private ProjectRoot() {}

    static Path get() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/blog")) && Files.isRegularFile(p.resolve("mvnw"))) return p;
        }
        throw new IllegalStateException("Run the benchmarks inside a Slipway checkout (no examples/blog above "
                + Path.of("").toAbsolutePath() + ").");
    }

    static Path example() {
        return get().resolve("examples/blog");
    }
}
