package dev.slipway.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code slipway:lint}: lints each engine's migrations against the schema before them; findings fail the build. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends CliMojo {

    /** Only the newest migration of each engine. */
    @Parameter(property = "slipway.latest", defaultValue = "false")
    boolean latest;

    @Override
    List<String> command() {
        return latest ? List.of("migrate", "lint", "--latest") : List.of("migrate", "lint");
    }
}
