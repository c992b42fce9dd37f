package dev.slipway.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway callback that remembers which migration is being applied and which of its statements completed, so that
 * a deploy cut off mid-migration (the database went away) can say what it left behind: on MySQL, whose DDL cannot be
 * rolled back, the completed statements are applied although the history does not list the migration.
 */
public final class RunningMigration extends BaseCallback {

    private volatile MigrationInfo current;
    private final List<String> completed = new ArrayList<>();

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_STATEMENT;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                current = context.getMigrationInfo();
                completed.clear();
            }
            case AFTER_EACH_MIGRATE -> {
                current = null;
                completed.clear();
            }
            case AFTER_EACH_MIGRATE_STATEMENT -> {
                if (context.getStatement() != null)
                    completed.add(context.getStatement().getSql());
            }
            default -> {}
        }
    }

    /** The migration that started and did not finish, as {@code V2__add_slug.sql}, or null. */
    public synchronized String unfinished() {
        MigrationInfo info = current;
        return info == null ? null : info.getScript();
    }

    /** The statements of {@link #unfinished()} that completed, in order (empty when Flyway did not report them). */
    public synchronized List<String> completedStatements() {
        return List.copyOf(completed);
    }
}
