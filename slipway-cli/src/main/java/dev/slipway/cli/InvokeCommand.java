package dev.slipway.cli;

import dev.slipway.core.Setting;
import dev.slipway.local.stack.FunctionSpec;
import dev.slipway.local.stack.LocalFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway invoke FUNCTION --event file.json}: one invocation, as Lambda would run it. */
@Command(
        name = "invoke",
        description = "Invoke one function of the project once with an event file; prints its answer.")
class InvokeCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "Function name from slipway.properties.")
    String function;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "The event, as JSON.")
    String eventFile;

    @Option(names = "--project", paramLabel = "DIR", description = "Project with slipway.properties.")
    String projectDir;

    @Override
    int run() throws Exception {
        String event = Files.readString(context.resolve(eventFile));
        Path dir = LocalProject.resolve(context, projectDir);
        project.context = new CliContext(context.env(), dir, context.out(), context.err());
        try (ProjectOptions.Database db = project.openDatabase()) {
            FunctionSpec spec = FunctionSpec.all(
                            project.settings().asMap(),
                            dir,
                            db.config().engine().id())
                    .stream()
                    .filter(f -> f.name().equals(function))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No function '" + function + "' in "
                            + dir.resolve(dev.slipway.cli.internal.Settings.PROPERTIES_FILE) + "."));
            Map<String, String> env = new LinkedHashMap<>();
            env.put(Setting.URL.env(), db.config().url());
            if (db.config().user() != null)
                env.put(Setting.USER.env(), db.config().user());
            env.put(Setting.PASSWORD.env(), db.config().password());
            try (LocalFunction local =
                    LocalFunction.deploy(spec, env, dir.resolve(".slipway/functions"), 1, context.err())) {
                var outcome = local.invoke(event, Duration.ofMinutes(15));
                if (outcome.failed()) {
                    context.out().println(outcome.error());
                    return ExitCodes.FAILED;
                }
                context.out().println(outcome.payload());
                return ExitCodes.OK;
            }
        }
    }
}
