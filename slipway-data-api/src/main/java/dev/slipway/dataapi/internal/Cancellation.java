package dev.slipway.dataapi.internal;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets the HTTP side stop a request's statement when its client goes away: the statement being run registers here,
 * and {@link #cancel()} asks the database to stop it (PostgreSQL's cancel request, MariaDB's {@code KILL QUERY}).
 */
public final class Cancellation {

    private Statement running;
    private boolean cancelled;

    /** Never cancelled: for callers that have no client to lose. */
    public static Cancellation none() {
        return new Cancellation();
    }

    synchronized void running(Statement statement) throws SQLException {
        running = statement;
        if (cancelled && statement != null) statement.cancel();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Stops the statement running now, if any, and any that registers later. */
    public void cancel() {
        Statement s;
        synchronized (this) {
            cancelled = true;
            s = running;
        }
        if (s == null) return;
        try {
            s.cancel();
        } catch (SQLException | RuntimeException e) {
            // the statement ended meanwhile, or its connection did
        }
    }
}
