package dev.slipway.cli;

import dev.slipway.core.Setting;
import dev.slipway.core.SlipwayException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slipway} command. */
@Command(
        name = "slipway",
        mixinStandardHelpOptions = true,
        // every subcommand takes -h/--help (and -V/--version) too
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = SlipwayVersion.class,
        description = "One schema.sql -> reviewed migrations for PostgreSQL and MySQL, applied safely.",
        subcommands = {
            UpCommand.class,
            InvokeCommand.class,
            TokenCommand.class,
            MigrateCommand.class,
            SchemaCommand.class,
            DataApiCommand.class,
            RuntimeLayerCommand.class,
            CommandLine.HelpCommand.class,
            // bash/zsh completion: source <(slipway generate-completion)
            picocli.AutoComplete.GenerateCompletion.class
        })
public class Slipway {

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}); never calls System.exit. */
    public static int run(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new Slipway(), new ContextFactory(context));
        cli.setOut(new java.io.PrintWriter(context.out(), true));
        cli.setErr(new java.io.PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            context.err().println("slipway: error: " + e.getMessage());
            if (context.env().containsKey(Setting.DEBUG.env())) e.printStackTrace(context.err());
            return exitCode(e);
        });
        return cli.execute(args);
    }

    /** The exit code a Slipway error names (its {@code ErrorCode}); a bad argument is usage; anything else failed. */
    static int exitCode(Exception e) {
        if (e instanceof SlipwayException s) return s.exitCode();
        if (e instanceof IllegalArgumentException) return ExitCodes.USAGE;
        return ExitCodes.FAILED;
    }

    /** Hands the {@link CliContext} to every command and option mixin picocli creates. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K instance = CommandLine.defaultFactory().create(type);
            if (instance instanceof ProjectOptions options) options.context = context;
            if (instance instanceof ContextAware aware) aware.context(context);
            return instance;
        }
    }

    /** A command that needs the context outside its options. */
    interface ContextAware {
        void context(CliContext context);
    }
}
