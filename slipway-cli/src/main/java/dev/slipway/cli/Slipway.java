package dev.slipway.cli;

import dev.slipway.core.Setting;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
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

    static int exitCode(Exception e) {
        if (e instanceof IllegalArgumentException) return ExitCodes.USAGE;
        if (e instanceof MigrateException m
                && (m.code() == MigrateErrorCode.CONFIGURATION || m.code() == MigrateErrorCode.RESET_REFUSED)) {
            return ExitCodes.USAGE;
        }
        // schema.sql or a migration is wrong, or schema.sql is missing: the user's input, as the README says
        if (e instanceof SchemaException s
                && (s.code() != SchemaErrorCode.IO_ERROR
                        || s.getCause() instanceof java.nio.file.NoSuchFileException)) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED; // a database error, a failed migration, anything unexpected
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
