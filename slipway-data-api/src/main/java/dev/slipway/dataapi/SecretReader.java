package dev.slipway.dataapi;

import dev.slipway.aws.SecretsManager;
import java.util.Map;

/**
 * Reads a target's RDS secret (its JSON) by ARN, as Aurora's Data API does with the {@code secretArn} of a request:
 * for a target configured by {@code resource-arn} and {@code secret-arn} alone. The proxy reads it when it starts
 * and again when the database refuses the login it has (the password was rotated), so a rotation needs no restart.
 */
@FunctionalInterface
public interface SecretReader {

    /** The secret's current value. */
    String read(String secretArn);

    /**
     * Secrets Manager, configured as the AWS SDKs are ({@code AWS_REGION}, the keys in the environment or the ECS
     * task's role through the container credentials endpoint, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}). The client
     * is made at the first read, so a proxy without such targets needs none of it.
     */
    static SecretReader fromEnvironment(Map<String, String> env) {
        SecretsManager[] client = new SecretsManager[1];
        return arn -> {
            synchronized (client) {
                if (client[0] == null) client[0] = SecretsManager.fromEnvironment(env);
            }
            return client[0].getSecretString(arn);
        };
    }
}
