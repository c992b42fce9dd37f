package dev.slipway.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code slipway:check}: applies the migrations and {@code schema.sql} to scratch databases and fails the build on
 * any difference between what their catalogs hold (drift); {@code -Dslipway.offline} compares by jOOQ replay only.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends CliMojo {

    @Parameter(property = "slipway.offline", defaultValue = "false")
    boolean offline;

    @Override
    List<String> command() {
        return offline ? List.of("migrate", "check", "--offline") : List.of("migrate", "check");
    }
}
