/** Implementation of slipway-lambda. No compatibility promise. */
package dev.slipway.lambda.internal;
