package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The checkout's {@code ./slipway} starts the built CLI without Maven when nothing changed since the build. It used
 * to compare the sources with the distribution's jar, whose file time is the reproducible-build date, and so built
 * again on every command (issue 23, item 1).
 */
class LauncherIT {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    /** stdout, then a line, then stderr. */
    private static String[] run(Path err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", CHECKOUT.resolve("slipway").toString(), "--version")
                .redirectError(err.toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        return new String[] {out, Files.readString(err)};
    }

    @Test
    void theSecondCommand_startsTheBuiltJar_withoutBuildingAgain() throws Exception {
        Path err = Files.createTempFile("launcher", ".err");
        try {
            String[] first = run(err); // may build, when the sources are newer than the last build
            assertThat(first[0]).as(first[1]).contains("slipway 0.1.0");

            String[] second = run(err);

            assertThat(second[0]).contains("slipway 0.1.0");
            assertThat(second[1]).as("the second call's error output").doesNotContain("building");
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
