package dev.slipway.core;

/**
 * Where a {@link DatabaseTarget} comes from: fixed, or read from a secret that may be rotated. {@link
 * DatabaseConnector} asks for it again, once, when the database refuses its login.
 */
public interface DatabaseTargetSource {

    /** The target to connect to now (a cached read of the secret, or the fixed target). */
    DatabaseTarget current();

    /**
     * The database refused {@link #current()}'s login: forget it so that the next {@link #current()} reads the secret
     * again. Returns false when there is nothing to read again (a fixed target), and the refusal stands.
     */
    default boolean reread() {
        return false;
    }

    /** A fixed target. */
    static DatabaseTargetSource of(DatabaseTarget target) {
        return () -> target;
    }
}
