package dev.slipway.lambda.migrations;

import dev.slipway.core.Setting;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.SecretSource;
import dev.slipway.migrate.DeployResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The migration as a process of its own: the entry point of the ECS Fargate task that {@link MigrationTaskFunction}
 * starts when a migration may need longer than Lambda's 15 minutes (an index on a large table, a backfill). It runs
 * the same deploy as {@link MigrationFunction}, with the same configuration ({@code SLIPWAY_DB_SECRET_ARN}, read from
 * Secrets Manager with the task role's container credentials, or {@code SLIPWAY_URL}), bounded only by {@code
 * SLIPWAY_TASK_TIMEOUT_MINUTES} while it waits for the database. Exit code 0 when every migration applied, 1 with
 * the reason on standard error (and in the task's log) when not.
 */
public final class MigrationTask {

    private MigrationTask() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            MigrationRunner runner = new MigrationRunner(
                    CredentialsProvider.fromEnvironment(env, SecretSource.forFunction(env)),
                    MigrationRunner.location(env),
                    env,
                    line -> out.println("slipway-migrations: " + line));
            DeployResult result = runner.deploy(budget(env));
            out.println(MigrationFunction.JSON.writeValueAsString(MigrationFunction.data(result)));
            return 0;
        } catch (Exception e) {
            err.println("slipway-migrations: FAILED: " + e.getMessage());
            return 1;
        }
    }

    private static Duration budget(Map<String, String> env) {
        String minutes = MigrationRunner.env(env, Setting.TASK_TIMEOUT_MINUTES.env(), "115");
        try {
            return Duration.ofMinutes(Long.parseLong(minutes.strip())).plus(MigrationRunner.SAFETY_MARGIN);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Setting.TASK_TIMEOUT_MINUTES.env() + " must be a whole number of"
                    + " minutes, not '" + minutes + "'.");
        }
    }
}
