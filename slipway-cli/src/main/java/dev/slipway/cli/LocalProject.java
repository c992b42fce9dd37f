package dev.slipway.cli;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Setting;
import dev.slipway.local.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project `up` and `invoke` work on, and the settings they read from it. */
final class LocalProject {

    /** Set by the ./slipway launcher to the checkout it runs from (not a setting: the launcher's own). */
    static final String SLIPWAY_HOME = "SLIPWAY_HOME";

    private static final String FUNCTION_PREFIX = Setting.FUNCTION_HANDLER.key().replaceFirst("NAME.*", "");

    private LocalProject() {}

    /**
     * {@code --project}, else the working directory when its slipway.properties declares functions, else the
     * example of this checkout ({@code SLIPWAY_HOME/examples/blog}, set by the ./slipway launcher).
     */
    static Path resolve(CliContext context, String explicit) {
        if (explicit != null) return requireFunctions(context.resolve(explicit));
        if (declaresFunctions(context.cwd())) return context.cwd();
        String home = context.env().get(SLIPWAY_HOME);
        if (home != null && declaresFunctions(Path.of(home, "examples", "blog"))) {
            context.progress("No functions in ./slipway.properties; using the example project "
                    + Path.of(home, "examples", "blog"));
            return Path.of(home, "examples", "blog");
        }
        return requireFunctions(context.cwd());
    }

    static LocalStack.Options options(
            ProjectOptions project,
            Path dir,
            DatabaseTarget database,
            String bind,
            int port,
            boolean viaDataApi,
            boolean migrationsAsTask) {
        var settings = project.settings().asMap();
        return new LocalStack.Options(
                dir,
                settings,
                database,
                port,
                settings.get(Setting.MIGRATIONS_FUNCTION.key()),
                dir.resolve(settings.get(Setting.ROUTES.key())),
                viaDataApi,
                migrationsAsTask,
                bind);
    }

    private static Path requireFunctions(Path dir) {
        if (!declaresFunctions(dir)) {
            throw new IllegalArgumentException("No functions declared in "
                    + dir.resolve(dev.slipway.cli.internal.Settings.PROPERTIES_FILE)
                    + ". Declare each as " + Setting.FUNCTION_HANDLER.key() + " and " + Setting.FUNCTION_ARTIFACT.key()
                    + " (see"
                    + " examples/blog/slipway.properties), or run from a project that has them.");
        }
        return dir;
    }

    private static boolean declaresFunctions(Path dir) {
        Path file = dir.resolve(dev.slipway.cli.internal.Settings.PROPERTIES_FILE);
        try {
            return Files.isRegularFile(file) && Files.readString(file).contains(FUNCTION_PREFIX);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
