package dev.slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Base of the commands that work on a project (schema, migrations, database). */
abstract class ProjectCommand implements Callable<Integer>, Slipway.ContextAware {

    @Mixin
    ProjectOptions project;

    CliContext context;

    @Override
    public void context(CliContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
        project.context = context;
        return run();
    }

    abstract int run() throws Exception;
}
