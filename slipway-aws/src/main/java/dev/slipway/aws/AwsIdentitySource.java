package dev.slipway.aws;

import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Where the keys that sign a request come from. */
@FunctionalInterface
public interface AwsIdentitySource {

    /** The keys to sign with now; throws {@link IllegalStateException} when they cannot be loaded. */
    AwsCredentialsIdentity get();

    /**
     * The keys a function or task finds in its environment, in the order the AWS SDKs look for them there: the
     * variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}), which a
     * Lambda function gets without SnapStart; else the container credentials endpoint, which a SnapStart function
     * gets instead of those variables (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials)
     * and an ECS task always. Null when the environment has neither.
     */
    static AwsIdentitySource fromEnvironment(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
            AwsCredentialsIdentity fixed = of(id, secret, env.get("AWS_SESSION_TOKEN"));
            return () -> fixed;
        }
        return ContainerCredentials.fromEnvironment(env, Clock.systemUTC());
    }

    /** Fixed keys; a blank {@code sessionToken} means long-term keys. */
    static AwsCredentialsIdentity of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return sessionToken == null || sessionToken.isBlank()
                ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
    }
}
