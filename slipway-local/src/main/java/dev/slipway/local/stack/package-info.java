/**
 * The local stack of {@code slipway up}: {@link dev.slipway.local.stack.LocalStack} (the whole stack from a
 * project's functions), {@link dev.slipway.local.stack.LocalHttpApi} (API Gateway's routes, with {@link
 * dev.slipway.local.stack.LocalAuthorizer} and {@link dev.slipway.local.stack.DevIssuer} for their authorizers), and
 * {@link dev.slipway.local.stack.LocalFunction} with its {@link dev.slipway.local.stack.FunctionSpec} (one function's
 * Lambda containers as child JVMs). These are the API the command line uses; the package-private rest is not.
 */
package dev.slipway.local.stack;
