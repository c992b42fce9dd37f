package dev.slipway.cli;

import dev.slipway.local.layer.RuntimeLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway runtime-layer ZIP --handler H}: a function's custom runtime, with an AOT cache trained on it. */
@Command(
        name = "runtime-layer",
        description = "Build a function's fast path for Lambda's custom runtime (provided.al2023): ZIP-jars.zip (the"
                + " function, jars only) and ZIP-runtime.zip (a layer: Java jlinked from this JDK 25, AWS's runtime"
                + " interface client, a bootstrap, and an AOT cache from a training run of the function). Deploy"
                + " both with SlipwayFunction's customRuntime option; the layer is for this machine's architecture.")
class RuntimeLayerCommand implements Callable<Integer>, Slipway.ContextAware {

    @Parameters(index = "0", paramLabel = "ZIP", description = "The function's Lambda zip.")
    String zip;

    @Option(names = "--handler", required = true, description = "Its handler, Class::method.")
    String handler;

    @Option(
            names = "--env",
            paramLabel = "NAME=VALUE",
            description = "Environment of the training run, e.g. SLIPWAY_ENGINE=postgresql (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(
            names = "--event",
            paramLabel = "FILE",
            description = "An event (JSON) for the training run to answer (repeatable; default: one GET /).")
    List<String> events = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write both zips (default: ZIP's directory).")
    String out;

    @Option(
            names = "--training-migrations",
            paramLabel = "DIR",
            description = "The project's migrations (postgresql/, mysql/): with SLIPWAY_ENGINE=postgresql the"
                    + " training run reads its secret from a local Secrets Manager and runs its events on an"
                    + " embedded PostgreSQL migrated with them, so the cache holds the connect and query path too.")
    String trainingMigrations;

    private CliContext context;

    @Override
    public void context(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path functionZip = context.resolve(zip);
        List<String> eventBodies = new ArrayList<>();
        for (String event : events) eventBodies.add(Files.readString(context.resolve(event)));
        Path outputDir = out == null ? functionZip.toAbsolutePath().getParent() : context.resolve(out);
        RuntimeLayer.Built built = RuntimeLayer.build(
                new RuntimeLayer.Request(
                        functionZip,
                        handler,
                        env,
                        eventBodies,
                        outputDir,
                        trainingMigrations == null ? null : context.resolve(trainingMigrations)),
                context::progress);
        context.out()
                .printf(
                        Locale.ROOT,
                        "%s (%,d bytes)%n%s (%,d bytes; %,d unpacked; training %.1f s)%n",
                        built.functionZip(),
                        Files.size(built.functionZip()),
                        built.layerZip(),
                        Files.size(built.layerZip()),
                        built.layerUnpackedBytes(),
                        built.training().toMillis() / 1000.0);
        return ExitCodes.OK;
    }
}
