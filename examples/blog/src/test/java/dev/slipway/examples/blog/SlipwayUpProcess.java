package dev.slipway.examples.blog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code slipway up} as a user runs it, for the tests: the CLI jar in its own JVM, its output in a file (not a
 * pipe, so nothing is lost when it ends), the URL it prints once it serves, and a stop as Ctrl-C does.
 */
final class SlipwayUpProcess implements AutoCloseable {

    private static final Path CLI_JAR = Path.of("../../slipway-cli/target/slipway/slipway-cli.jar");
    private static final Pattern URL = Pattern.compile("Slipway is up: (http://127\\.0\\.0\\.1:\\d+)");

    final Process process;
    final Path log;

    private SlipwayUpProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code slipway up --port 0 ARGS...}. */
    static SlipwayUpProcess start(String... args) throws IOException {
        if (!Files.isRegularFile(CLI_JAR)) {
            throw new AssertionError(CLI_JAR + " is missing: the slipway-cli module builds it before this one");
        }
        Path log = Files.createTempFile("slipway-up", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                CLI_JAR.toString(),
                "up",
                "--port",
                "0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SlipwayUpProcess(process, log);
    }

    /**
     * {@code slipway token --sub SUBJECT}: a bearer token of up's development issuer, as a user gets one (the CLI jar
     * in its own JVM, in this project); run it after {@link #awaitUrl}, once up has made the issuer's key.
     */
    static String token(String subject) throws Exception {
        Process token = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        CLI_JAR.toString(),
                        "token",
                        "--sub",
                        subject)
                .redirectErrorStream(false)
                .start();
        String out = new String(token.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(token.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!token.waitFor(60, TimeUnit.SECONDS) || token.exitValue() != 0) {
            throw new AssertionError("slipway token failed: " + err + out);
        }
        return out.strip();
    }

    /** The base URL once it serves; fails with its output when it ends or takes over 90 s. */
    String awaitUrl() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            if (!process.isAlive()) break;
            Thread.sleep(200);
        }
        throw new AssertionError("slipway up did not come up; its output:\n" + Files.readString(log));
    }

    List<String> output() throws IOException {
        return Files.readAllLines(log);
    }

    /** SIGTERM, as Ctrl-C: true when it stopped within 20 s. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!stop()) process.destroyForcibly();
    }
}
