package dev.slipway.migrate.internal;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import java.util.Properties;

/**
 * What a migration's connections add to the connector's: over the RDS Data API (the Slipway JDBC driver), {@code
 * session=pinned}, so that the session locks Flyway and the deploy lock take stay on one database connection.
 * Flyway only picks its own driver for URLs it knows; given a DataSource, it tells the database by the connection's
 * metadata instead, so the Data API needs nothing else.
 */
public final class PinnedSessions {

    private PinnedSessions() {}

    /** {@code session=pinned} for a {@code jdbc:slipway-data-api:} target; nothing for a database server. */
    public static Properties of(DatabaseTarget target) {
        Properties properties = new Properties();
        if (Engine.isDataApiUrl(target.url())) properties.setProperty("session", "pinned");
        return properties;
    }
}
