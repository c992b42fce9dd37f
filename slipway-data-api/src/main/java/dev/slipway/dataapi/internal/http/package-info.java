/**
 * The data proxy's HTTP side on Netty: admission on the headers, deadlines for every phase of a request, a cap on
 * connections that have not authenticated, and cancellation of a request whose client left. No compatibility
 * promise.
 */
package dev.slipway.dataapi.internal.http;
