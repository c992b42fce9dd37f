/** Implementation of the slipway command. No compatibility promise. */
package dev.slipway.cli.internal;
