package dev.slipway.maven;

import dev.slipway.cli.CliContext;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Slipway;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that runs one {@code slipway} command in Maven's JVM, configured with the CLI's keys as plugin parameters
 * and {@code -D} properties ({@code slipway.schema}, {@code slipway.migrations}, {@code slipway.url},
 * {@code slipway.user}, {@code slipway.password}, {@code slipway.engine}); what the POM leaves unset, the CLI reads
 * from {@code slipway.properties} and {@code SLIPWAY_*} as usual. A non-zero exit fails the build.
 */
abstract class CliMojo extends AbstractMojo {

    @Parameter(property = "slipway.schema")
    File schema;

    @Parameter(property = "slipway.migrations")
    File migrations;

    @Parameter(property = "slipway.url")
    String url;

    @Parameter(property = "slipway.user")
    String user;

    /** Better in {@code SLIPWAY_PASSWORD} or {@code ~/.m2/settings.xml} than in a POM. */
    @Parameter(property = "slipway.password")
    String password;

    @Parameter(property = "slipway.engine")
    String engine;

    /** {@code postgresql,mysql} (unset: the CLI's default, or slipway.properties) or {@code postgresql}. */
    @Parameter(property = "slipway.engines")
    String engines;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    @Parameter(property = "slipway.skip", defaultValue = "false")
    boolean skip;

    /** Where the command's results go (its progress and errors go to standard error, as in a shell). */
    PrintStream out = System.out;

    /** The command and its own options, e.g. {@code migrate lint}. */
    abstract List<String> command();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) return;
        List<String> args = new ArrayList<>(command());
        option(args, "--schema", schema == null ? null : schema.getAbsolutePath());
        option(args, "--migrations", migrations == null ? null : migrations.getAbsolutePath());
        option(args, "--url", url);
        option(args, "--user", user);
        option(args, "--password", password);
        option(args, "--engine", engine);
        option(args, "--engines", engines);
        Map<String, String> env = System.getenv();
        int code = Slipway.run(
                new CliContext(env, basedir.toPath().toAbsolutePath(), out, System.err), args.toArray(String[]::new));
        String what = "slipway " + String.join(" ", command());
        switch (code) {
            case ExitCodes.OK -> {}
            case ExitCodes.LINT_FINDINGS ->
                throw new MojoFailureException(what + " found problems (listed above); fix them, or see the"
                        + " lint rules in Slipway's README for how to allow one on purpose.");
            case ExitCodes.USAGE -> throw new MojoExecutionException(what + ": usage or configuration error (above).");
            default -> throw new MojoFailureException(what + " failed (exit " + code + "); its error is above.");
        }
    }

    private static void option(List<String> args, String name, String value) {
        if (value != null && !value.isBlank()) {
            args.add(name);
            args.add(value);
        }
    }
}
