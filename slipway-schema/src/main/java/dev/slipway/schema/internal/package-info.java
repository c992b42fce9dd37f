/** Implementation of slipway-schema. No compatibility promise: use the classes of {@code dev.slipway.schema}. */
package dev.slipway.schema.internal;
