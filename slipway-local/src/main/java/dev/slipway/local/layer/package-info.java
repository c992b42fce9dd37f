/**
 * The custom runtime layer and Lambda zips: {@link dev.slipway.local.layer.RuntimeLayer} (builds the layer and trains
 * its AOT cache), {@link dev.slipway.local.layer.JarOnlyZip} and {@link dev.slipway.local.layer.LambdaZips} (zips as
 * Lambda reads them), {@link dev.slipway.local.layer.Outcome} (how a function's run ended), {@link
 * dev.slipway.local.layer.RuntimeApi} (the Lambda runtime API a child JVM polls). These are the API the
 * command line and the benchmarks use; the package-private rest is not.
 */
package dev.slipway.local.layer;
