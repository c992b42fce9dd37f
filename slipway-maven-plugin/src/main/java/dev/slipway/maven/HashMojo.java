package dev.slipway.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code slipway:hash}: the SHA-256 of each engine's migrations (or {@code -Dslipway.engine}'s): what deploys rerun on. */
@Mojo(name = "hash", threadSafe = true)
public class HashMojo extends CliMojo {

    @Override
    List<String> command() {
        return List.of("schema", "hash");
    }
}
