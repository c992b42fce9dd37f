package dev.slipway.migrate;

import java.util.List;

/**
 * What a deploy did.
 *
 * @param applied the versions this deploy applied, in order (empty when the database was up to date)
 * @param fromVersion the schema version before, or null for an empty database
 * @param toVersion the schema version after, or null when there are no migrations
 */
public record DeployResult(List<String> applied, String fromVersion, String toVersion) {}
