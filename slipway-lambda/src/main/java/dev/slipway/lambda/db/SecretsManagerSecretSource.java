package dev.slipway.lambda.db;

import dev.slipway.aws.AwsCallException;
import dev.slipway.aws.SecretsManager;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.util.Map;

/**
 * Reads a secret from Secrets Manager itself, by a SigV4-signed {@code GetSecretValue} ({@link SecretsManager},
 * without the AWS SDK), with the function's role keys from its environment or, under SnapStart, from the container
 * credentials endpoint. Never cached: this is the read that must see a rotation. Built on first use, so that a
 * function whose extension answers every read needs no region or keys.
 */
public final class SecretsManagerSecretSource implements SecretSource {

    private final Map<String, String> env;
    private volatile SecretsManager client;

    public SecretsManagerSecretSource(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String fetch(String secretId) {
        try {
            return client().getSecretString(secretId);
        } catch (AwsCallException e) {
            throw new SlipwayLambdaException(
                    e.retryable() ? SlipwayLambdaException.Kind.UNREACHABLE : SlipwayLambdaException.Kind.SECRET,
                    e.getMessage(),
                    e);
        }
    }

    private SecretsManager client() {
        SecretsManager current = client;
        if (current == null) {
            try {
                current = SecretsManager.fromEnvironment(env);
            } catch (IllegalStateException e) {
                throw new SlipwayLambdaException(SlipwayLambdaException.Kind.CONFIGURATION, e.getMessage(), e);
            }
            client = current;
        }
        return current;
    }
}
