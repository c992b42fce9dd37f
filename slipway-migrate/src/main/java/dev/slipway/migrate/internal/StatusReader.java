package dev.slipway.migrate.internal;

import dev.slipway.core.Engine;
import dev.slipway.migrate.MigrationStatus;
import dev.slipway.migrate.MigrationStatus.Entry;
import dev.slipway.migrate.MigrationStatus.State;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/** Turns Flyway's info and validation into a {@link MigrationStatus} whose problems say what to do. */
public final class StatusReader {

    private StatusReader() {}

    public static MigrationStatus read(Flyway flyway, Engine engine) {
        ValidateResult validation = flyway.validateWithResult();
        List<String> drifted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ValidateOutput invalid : validation.invalidMigrations) {
            if (invalid.errorDetails != null && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH) {
                drifted.add(invalid.version);
                problems.add("V" + invalid.version + " (" + invalid.description + ") was changed after it was applied"
                        + " (checksum mismatch). Restore the file as it was applied and put the change in a new"
                        + " migration; or, if the change is only cosmetic, run 'slipway migrate repair'.");
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() == null) continue; // repeatable migrations or the schema marker
            String version = info.getVersion().getVersion();
            State state = state(info, drifted.contains(version));
            entries.add(new Entry(
                    version,
                    info.getDescription(),
                    state,
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant()));
            if (state == State.FAILED) problems.add(failedProblem(version, info.getDescription(), engine));
            if (state == State.MISSING) {
                problems.add("V" + version + " (" + info.getDescription() + ") is applied but its file is gone."
                        + " Restore the file from version control.");
            }
        }
        return new MigrationStatus(List.copyOf(entries), List.copyOf(problems));
    }

    private static State state(MigrationInfo info, boolean drifted) {
        if (info.getState().isFailed()) return State.FAILED;
        if (drifted) return State.DRIFTED;
        return switch (info.getState()) {
            case PENDING -> State.PENDING;
            case SUCCESS, BASELINE -> State.APPLIED;
            case MISSING_SUCCESS -> State.MISSING;
            case FUTURE_SUCCESS -> State.FUTURE;
            default -> State.OTHER;
        };
    }

    private static String failedProblem(String version, String description, Engine engine) {
        return "V" + version + " (" + description + ") failed. "
                + EngineBehaviour.of(engine).afterAFailedMigration();
    }
}
