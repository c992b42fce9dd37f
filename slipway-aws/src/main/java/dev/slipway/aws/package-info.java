/**
 * The few AWS calls Slipway's functions make without the AWS SDK's clients: credentials ({@link
 * dev.slipway.aws.AwsIdentitySource}), SigV4 ({@link dev.slipway.aws.SigV4Signer}) and {@link
 * dev.slipway.aws.SecretsManager#getSecretString}.
 */
package dev.slipway.aws;
