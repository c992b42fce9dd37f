package dev.slipway.cli;

import picocli.CommandLine.Command;

/** {@code slipway migrate ...}. */
@Command(
        name = "migrate",
        description = "Generate, lint, check and apply migrations.",
        subcommands = {
            MigrateDev.class,
            MigrateOps.Deploy.class,
            MigrateOps.Status.class,
            MigrateOps.Reset.class,
            MigrateOps.Repair.class,
            MigrateBaseline.class,
            MigrateCheck.class,
            MigrateLint.class
        })
class MigrateCommand {}
