/** Implementation of the migration function. No compatibility promise. */
package dev.slipway.lambda.migrations.internal;
