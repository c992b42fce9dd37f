package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command, at every depth of picocli's tree, answers {@code -h} and {@code --help} with its own usage and exit
 * 0, required options or not; {@code slipway help COMMAND} says the same, with nothing interpolated away (issue 23,
 * item 6: {@code up --help} was an unknown option, {@code migrate dev -h} demanded {@code --name}, and
 * {@code help up} printed "artifact with null").
 */
class HelpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int slipway(String... args) {
        out.reset();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Slipway.run(new CliContext(Map.of(), Path.of("."), print, print), args);
    }

    private static void commands(CommandLine cli, List<String> path, List<List<String>> all) {
        for (var sub : cli.getSubcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) continue; // an alias
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            all.add(next);
            commands(sub.getValue(), next, all);
        }
    }

    @Test
    void everyCommand_printsItsUsage_forDashHAndDashDashHelp_andHelpCommand() {
        List<List<String>> all = new ArrayList<>();
        commands(new CommandLine(new Slipway()), List.of(), all);
        assertThat(all).hasSizeGreaterThan(10);
        for (List<String> command : all) {
            if (command.get(0).equals("help")) continue;
            for (String flag : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                assertThat(slipway(args.toArray(String[]::new)))
                        .as(args + ": " + out)
                        .isZero();
                assertThat(out.toString(StandardCharsets.UTF_8))
                        .as(String.join(" ", args))
                        .contains("Usage: slipway " + String.join(" ", command))
                        .doesNotContain("null");
            }
        }
        assertThat(slipway("help", "up")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: slipway up")
                .contains("${engine} = data-api")
                .doesNotContain("null");
    }
}
