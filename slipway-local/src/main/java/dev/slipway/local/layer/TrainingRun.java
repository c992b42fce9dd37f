package dev.slipway.local.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a layer's bootstrap as Lambda would start it (working directory, {@code LAMBDA_TASK_ROOT},
 * {@code _HANDLER}, a Runtime API), told to write its AOT cache at exit: init, the events, then SIGTERM, on which
 * the JVM writes the cache (JEP 514: it records what ran, then assembles the cache in a child JVM).
 */
final class TrainingRun {

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("\"statusCode\":(\\d+)");
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CACHE_TIMEOUT = Duration.ofMinutes(3);

    /**
     * The training run's function as on Lambda, with nothing to reach: routes primed at init, a secret to read
     * through the extension and then Secrets Manager, both at a closed port, so the first event takes the real
     * path up to its failed connect (and answers 503) without a database or an AWS account.
     */
    static final Map<String, String> TRAINING_DEFAULTS = Map.of(
            "SLIPWAY_PRIMING", "routes",
            "SLIPWAY_DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:slipway-training",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9",
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "9",
            "AWS_ACCESS_KEY_ID", "training",
            "AWS_SECRET_ACCESS_KEY", "training",
            "AWS_SESSION_TOKEN", "training",
            "AWS_REGION", "us-east-1");

    private TrainingRun() {}

    static Duration run(
            Path bootstrap,
            Path taskRoot,
            String handler,
            Map<String, String> env,
            List<String> events,
            Path cache,
            java.util.function.Consumer<String> progress)
            throws Exception {
        long start = System.nanoTime();
        Path log = Files.createTempFile("slipway-training", ".log");
        try (RuntimeApi api = new RuntimeApi("training")) {
            ProcessBuilder builder = new ProcessBuilder(
                            "/bin/sh", bootstrap.toAbsolutePath().toString())
                    .directory(taskRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> childEnv = builder.environment();
            childEnv.keySet().removeIf(k -> k.startsWith("SLIPWAY_") || k.startsWith("AWS_") || k.startsWith("JAVA_"));
            childEnv.putAll(TRAINING_DEFAULTS);
            childEnv.putAll(env);
            childEnv.values().removeIf(String::isEmpty); // NAME= takes a default away
            childEnv.put("SLIPWAY_AOT_CACHE_OUTPUT", cache.toAbsolutePath().toString());
            childEnv.putAll(api.runtimeEnvironment(taskRoot, handler));
            Process process = builder.start();
            try {
                for (String event : events) {
                    Outcome outcome;
                    try {
                        outcome = api.invoke(event, EVENT_TIMEOUT);
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw failed("an event got no answer in " + EVENT_TIMEOUT.toSeconds() + " s", log);
                    }
                    // an init error ends the runtime client (exit 1); an event's error does not
                    if (outcome.failed() && process.waitFor(2, TimeUnit.SECONDS)) {
                        throw failed("the function failed its init: " + outcome.error(), log);
                    }
                    java.util.regex.Matcher status = STATUS.matcher(outcome.failed() ? "" : outcome.payload());
                    progress.accept("Training event " + (events.indexOf(event) + 1) + ": "
                            + (outcome.failed()
                                    ? "failed (" + outcome.error() + ")"
                                    : status.find() ? "HTTP " + status.group(1) : "answered"));
                }
            } finally {
                process.destroy(); // SIGTERM: the JVM writes the cache as it exits
            }
            if (!process.waitFor(CACHE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failed("writing the AOT cache took over " + CACHE_TIMEOUT.toMinutes() + " min", log);
            }
            if (!Files.isRegularFile(cache)) throw failed("the training run wrote no AOT cache", log);
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static IllegalStateException failed(String what, Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        return new IllegalStateException(
                "Training the custom runtime's AOT cache failed: " + what + ". Its output (last 30 lines):\n" + tail);
    }
}
