/** Implementation of slipway-cdk. No compatibility promise. */
package dev.slipway.cdk.internal;
