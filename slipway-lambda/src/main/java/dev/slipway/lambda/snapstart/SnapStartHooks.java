package dev.slipway.lambda.snapstart;

import dev.slipway.lambda.db.LambdaDatabase;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart (CRaC) hooks for a {@link LambdaDatabase}: before the snapshot the connection is closed (a socket in a
 * snapshot is dead on restore, and many restored copies must not share one); after restore the credentials are
 * marked stale, since the snapshot may be older than the last secret rotation.
 *
 * <p>Keep the instance referenced (a field of the handler): CRaC holds resources weakly.
 */
public final class SnapStartHooks implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

    private final LambdaDatabase database;

    private SnapStartHooks(LambdaDatabase database) {
        this.database = database;
    }

    /** Registers the hooks with the global CRaC context; harmless where CRaC is absent (a no-op there). */
    public static SnapStartHooks register(LambdaDatabase database) {
        SnapStartHooks hooks = new SnapStartHooks(database);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        LOG.debug("SnapStart checkpoint: closing the database connection");
        database.close();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        LOG.debug("SnapStart restore: credentials will be fetched again");
        database.credentials().markStale();
    }
}
