package dev.slipway.lambda.db;

import dev.slipway.lambda.LambdaEnv;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.util.Map;

/** Fetches a secret's string value. A seam: the extension in Lambda, anything else in tests or elsewhere. */
@FunctionalInterface
public interface SecretSource {

    /** The value of {@code secretId} (an ARN or name); a cache may answer. */
    String fetch(String secretId);

    /**
     * The value Secrets Manager holds now, past any cache: asked for after the database refused the cached value
     * (the secret was rotated) and after a SnapStart restore. Without a cache, the same as {@link #fetch}.
     */
    default String fetchCurrent(String secretId) {
        return fetch(secretId);
    }

    /**
     * What a function uses: the Parameters and Secrets extension, whose cache answers most reads, and Secrets
     * Manager itself ({@link SecretsManagerSecretSource}) for {@link #fetchCurrent} and whenever the extension
     * cannot be used. The extension authenticates callers by {@code AWS_SESSION_TOKEN}, which a SnapStart function
     * does not have (its keys come from the container credentials endpoint, see
     * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials); without it, every
     * read goes to Secrets Manager, and so does a read the extension fails.
     */
    static SecretSource forFunction(Map<String, String> env) {
        SecretsManagerSecretSource direct = new SecretsManagerSecretSource(env);
        String token = env.get(LambdaEnv.SESSION_TOKEN);
        if (token == null || token.isBlank()) return direct;
        ExtensionSecretSource extension = ExtensionSecretSource.fromEnvironment(env);
        return new SecretSource() {
            @Override
            public String fetch(String secretId) {
                try {
                    return extension.fetch(secretId);
                } catch (SlipwayLambdaException extensionFailed) {
                    // the extension is a cache: when it is missing or refuses (e.g. "bad session token"), ask the
                    // source
                    try {
                        return direct.fetch(secretId);
                    } catch (SlipwayLambdaException directFailed) {
                        directFailed.addSuppressed(extensionFailed);
                        throw directFailed;
                    }
                }
            }

            @Override
            public String fetchCurrent(String secretId) {
                return direct.fetch(secretId);
            }
        };
    }
}
