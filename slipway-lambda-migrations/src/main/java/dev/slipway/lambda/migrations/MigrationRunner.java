package dev.slipway.lambda.migrations;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTargetSource;
import dev.slipway.core.Setting;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.migrate.DeployResult;
import dev.slipway.migrate.MigrationStatus;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.migrate.ResetPermission;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs deploy/status/reset inside a time budget: the database may be waking from zero, and the function must
 * answer before Lambda kills it, so waiting stops at the remaining time minus a safety margin. Credentials are
 * fetched again once when the database refuses them (a rotated secret).
 */
public final class MigrationRunner {

    /** Left for answering CloudFormation after the database wait gives up. */
    public static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);

    /** Where the migrations are unless {@code SLIPWAY_MIGRATIONS} says otherwise: packaged in the function's zip. */
    static final String IN_THE_ARTIFACT = "classpath:migrations";

    private final CredentialsProvider credentials;
    private final MigrationsLocation location;
    private final Map<String, String> env;
    private final Consumer<String> log;

    public MigrationRunner(
            CredentialsProvider credentials,
            MigrationsLocation location,
            Map<String, String> env,
            Consumer<String> log) {
        this.credentials = credentials;
        this.location = location;
        this.env = env;
        this.log = log;
    }

    public DeployResult deploy(Duration remaining) {
        return withMigrator(remaining, Migrator::deploy);
    }

    public MigrationStatus status(Duration remaining) {
        return withMigrator(remaining, Migrator::status);
    }

    /** Resets only when {@code SLIPWAY_ALLOW_RESET=true} is set on the function. */
    public DeployResult reset(Duration remaining) {
        ResetPermission permission = ResetPermission.fromEnvironment(env);
        return withMigrator(remaining, m -> m.reset(permission));
    }

    private <T> T withMigrator(Duration remaining, Function<Migrator, T> action) {
        Duration budget = remaining.minus(SAFETY_MARGIN);
        if (budget.isNegative() || budget.isZero()) {
            throw new MigrateException(
                    MigrateErrorCode.UNREACHABLE,
                    "Only " + remaining.toSeconds() + " s left of"
                            + " the function's timeout; raise the migration function's timeout (900 s is the maximum).");
        }
        return action.apply(migrator(budget));
    }

    /**
     * A migrator on the function's credentials within {@code budget}; when the database refuses them, the connector
     * reads the secret again once (it may have been rotated).
     */
    private Migrator migrator(Duration budget) {
        DatabaseTargetSource withinBudget = new DatabaseTargetSource() {
            @Override
            public DatabaseTarget current() {
                return credentials.get().toBuilder().connectTimeout(budget).build();
            }

            @Override
            public boolean reread() {
                return credentials.reread(); // which logs that it reads the secret again
            }
        };
        // the lock wait ends with the budget too: a deploy waiting for another must still answer CloudFormation
        return new Migrator(withinBudget, location, log)
                .withDeadline(java.time.Instant.now().plus(budget));
    }

    static String env(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where the migrations are inside the artifact; {@code SLIPWAY_MIGRATIONS} overrides. */
    static MigrationsLocation location(Map<String, String> env) {
        return MigrationsLocation.parse(env(env, Setting.MIGRATIONS.env(), IN_THE_ARTIFACT));
    }
}
