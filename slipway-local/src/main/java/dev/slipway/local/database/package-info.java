/**
 * Local databases: {@link dev.slipway.local.database.EmbeddedPostgresql} (the one embedded-PostgreSQL starter) and
 * {@link dev.slipway.local.database.DevDatabase} (the development database {@code slipway up} and {@code migrate dev}
 * share through a pid file). This is the API the command line uses.
 */
package dev.slipway.local.database;
