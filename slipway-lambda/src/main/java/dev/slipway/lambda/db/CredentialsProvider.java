package dev.slipway.lambda.db;

import dev.slipway.lambda.LambdaEnv;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Database credentials, fetched once per container and again only when asked ({@link #markStale()} after an
 * authentication failure or a SnapStart restore): the secret may have been rotated.
 */
public final class CredentialsProvider {

    private final Loader loader;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile DbCredentials current;

    /** Produces fresh credentials. */
    @FunctionalInterface
    public interface Loader {
        DbCredentials load();
    }

    public CredentialsProvider(Loader loader) {
        this.loader = loader;
    }

    /** From a secret ({@code SLIPWAY_DB_SECRET_ARN}) read through {@code secrets}, else from {@code SLIPWAY_URL}. */
    public static CredentialsProvider fromEnvironment(Map<String, String> env, SecretSource secrets) {
        String secretArn = env.get(LambdaEnv.DB_SECRET_ARN);
        if (secretArn != null && !secretArn.isBlank()) {
            String dbName = env.get(LambdaEnv.DB_NAME);
            String host = env.get(LambdaEnv.DB_HOST);
            return new CredentialsProvider(() -> DbCredentials.fromRdsSecret(secrets.fetch(secretArn), dbName, host));
        }
        String url = env.get(LambdaEnv.URL);
        if (url != null && !url.isBlank()) {
            DbCredentials fixed = new DbCredentials(
                    url,
                    env.get(LambdaEnv.USER),
                    env.getOrDefault(LambdaEnv.PASSWORD, ""),
                    DbCredentials.dialectOf(url));
            return new CredentialsProvider(() -> fixed);
        }
        throw new SlipwayLambdaException("No database configured. Set " + LambdaEnv.DB_SECRET_ARN + " to the ARN of an"
                + " RDS secret (the Slipway CDK constructs do), or " + LambdaEnv.URL + " (+ " + LambdaEnv.USER + ", "
                + LambdaEnv.PASSWORD + ") for a local run.");
    }

    public DbCredentials get() {
        DbCredentials value = current;
        if (value == null) {
            synchronized (this) {
                if (current == null) {
                    current = loader.load();
                    fetches.incrementAndGet();
                }
                value = current;
            }
        }
        return value;
    }

    /** The next {@link #get()} fetches again. */
    public void markStale() {
        current = null;
    }

    /** How often credentials were fetched in this container (for tests and logs). */
    public int fetchCount() {
        return fetches.get();
    }
}
