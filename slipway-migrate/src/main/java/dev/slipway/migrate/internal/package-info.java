/** Implementation of slipway-migrate. No compatibility promise: use the classes of {@code dev.slipway.migrate}. */
package dev.slipway.migrate.internal;
