/** The lint rules behind {@code MigrationLinter}. No compatibility promise: use {@code dev.slipway.schema.lint}. */
package dev.slipway.schema.lint.internal;
