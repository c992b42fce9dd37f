/**
 * What the local stack and the runtime layer share and nothing else may use (ArchitectureTest): where the jars of
 * classes on this class path are.
 */
package dev.slipway.local.internal;
