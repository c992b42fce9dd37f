package dev.slipway.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn slipway:up}: the whole stack on this machine, as {@code slipway up}: database, migration function,
 * data proxy, then the API of the routes file; Ctrl-C stops it. Build the functions' zips first ({@code mvn package}).
 */
@Mojo(name = "up", requiresProject = true)
public class UpMojo extends CliMojo {

    @Parameter(property = "slipway.port", defaultValue = "3000")
    int port;

    @Parameter(property = "slipway.fresh", defaultValue = "false")
    boolean fresh;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("up", "--port", Integer.toString(port)));
        if (fresh) command.add("--fresh");
        return command;
    }
}
