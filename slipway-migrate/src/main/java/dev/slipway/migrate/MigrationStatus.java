package dev.slipway.migrate;

import java.time.Instant;
import java.util.List;

/**
 * What the database has applied compared with the migration files.
 *
 * @param migrations every migration, applied or not, in version order
 * @param problems what is wrong (failed or drifted migrations), each with its fix; empty when healthy
 */
public record MigrationStatus(List<Entry> migrations, List<String> problems) {

    /** The state of one migration. */
    public enum State {
        APPLIED,
        PENDING,
        /** Applying it failed; on MySQL part of it may be in place. */
        FAILED,
        /** Applied, but the file changed since (checksum mismatch). */
        DRIFTED,
        /** Applied, but its file is gone. */
        MISSING,
        /** Applied by a newer version of the application than these files. */
        FUTURE,
        OTHER
    }

    /**
     * @param version the version, e.g. {@code 2}
     * @param description the name part of the file
     * @param state its state
     * @param installedOn when it was applied, or null
     */
    public record Entry(String version, String description, State state, Instant installedOn) {}

    public List<Entry> pending() {
        return migrations.stream().filter(e -> e.state() == State.PENDING).toList();
    }

    public List<Entry> applied() {
        return migrations.stream().filter(e -> e.state() == State.APPLIED).toList();
    }

    /** The version of the newest applied migration, or null when none is. */
    public String currentVersion() {
        List<Entry> applied = applied();
        return applied.isEmpty() ? null : applied.get(applied.size() - 1).version();
    }

    public boolean healthy() {
        return problems.isEmpty();
    }

    public boolean upToDate() {
        return healthy() && pending().isEmpty();
    }
}
