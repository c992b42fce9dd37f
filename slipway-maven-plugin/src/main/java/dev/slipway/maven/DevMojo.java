package dev.slipway.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn slipway:dev -Dname=add_tags}: the next migration for both engines from the difference between the
 * migrations and {@code schema.sql}, linted and applied to the development database ({@code slipway migrate dev}).
 */
@Mojo(name = "dev", requiresProject = true)
public class DevMojo extends CliMojo {

    @Parameter(property = "name", required = true)
    String name;

    @Parameter(property = "slipway.allowDestructive", defaultValue = "false")
    boolean allowDestructive;

    @Parameter(property = "slipway.createOnly", defaultValue = "false")
    boolean createOnly;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("migrate", "dev", "--name", name));
        if (allowDestructive) command.add("--allow-destructive");
        if (createOnly) command.add("--create-only");
        return command;
    }
}
