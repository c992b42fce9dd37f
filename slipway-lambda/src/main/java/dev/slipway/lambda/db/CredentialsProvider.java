package dev.slipway.lambda.db;

import dev.slipway.core.DatabaseTls;
import dev.slipway.core.Setting;
import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Database credentials, fetched once per container and again only when asked ({@link #markStale()} after an
 * authentication failure or a SnapStart restore): the secret may have been rotated. The first fetch may come from a
 * cache (the extension's); a fetch after {@link #markStale()} goes past it ({@link SecretSource#fetchCurrent}), or
 * a rotation would keep failing for as long as the cache holds the old password.
 */
public final class CredentialsProvider {

    private final Loader loader;
    private final Loader currentLoader;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile DbCredentials current;
    private volatile boolean stale;

    /** Produces fresh credentials. */
    @FunctionalInterface
    public interface Loader {
        DbCredentials load();
    }

    public CredentialsProvider(Loader loader) {
        this(loader, loader);
    }

    /** {@code loader} for the first fetch, {@code currentLoader} (past any cache) for fetches after {@link #markStale()}. */
    public CredentialsProvider(Loader loader, Loader currentLoader) {
        this.loader = loader;
        this.currentLoader = currentLoader;
    }

    /**
     * From a secret ({@code SLIPWAY_DB_SECRET_ARN}) read through {@code secrets}, else from {@code SLIPWAY_URL} (with
     * the data proxy's API key read from {@code SLIPWAY_DATA_API_KEY_SECRET_ARN} when set).
     */
    public static CredentialsProvider fromEnvironment(Map<String, String> env, SecretSource secrets) {
        String secretArn = env.get(Setting.DB_SECRET_ARN.env());
        if (secretArn != null && !secretArn.isBlank()) {
            String dbName = env.get(Setting.DB_NAME.env());
            String host = env.get(Setting.DB_HOST.env());
            DatabaseTls tls;
            try {
                tls = DatabaseTls.fromEnvironment(env);
            } catch (IllegalArgumentException e) {
                throw new SlipwayLambdaException(SlipwayLambdaException.Kind.CONFIGURATION, e.getMessage(), e);
            }
            return new CredentialsProvider(
                    () -> DbCredentials.fromRdsSecret(secrets.fetch(secretArn), dbName, host, tls),
                    () -> DbCredentials.fromRdsSecret(secrets.fetchCurrent(secretArn), dbName, host, tls));
        }
        String url = env.get(Setting.URL.env());
        String keySecretArn = env.get(Setting.DATA_API_KEY_SECRET_ARN.env());
        if (url != null && !url.isBlank() && keySecretArn != null && !keySecretArn.isBlank()) {
            return new CredentialsProvider(
                    () -> DataApiKeySecret.credentials(url, secrets.fetch(keySecretArn)),
                    () -> DataApiKeySecret.credentials(url, secrets.fetchCurrent(keySecretArn)));
        }
        if (url != null && !url.isBlank()) {
            DbCredentials fixed =
                    DbCredentials.of(url, env.get(Setting.USER.env()), env.getOrDefault(Setting.PASSWORD.env(), ""));
            return new CredentialsProvider(() -> fixed);
        }
        throw new SlipwayLambdaException(
                "No database configured. Set " + Setting.DB_SECRET_ARN.env() + " to the ARN of an"
                        + " RDS secret (the Slipway CDK constructs do), or " + Setting.URL.env() + " (+ "
                        + Setting.USER.env() + ", "
                        + Setting.PASSWORD.env() + ") for a local run.");
    }

    public DbCredentials get() {
        DbCredentials value = current;
        if (value == null) {
            synchronized (this) {
                if (current == null) {
                    current = stale ? currentLoader.load() : loader.load();
                    stale = false;
                    fetches.incrementAndGet();
                }
                value = current;
            }
        }
        return value;
    }

    /** The next {@link #get()} fetches again, past any cache. */
    public void markStale() {
        synchronized (this) {
            stale = true;
            current = null;
        }
    }

    /** How often credentials were fetched in this container (for tests and logs). */
    public int fetchCount() {
        return fetches.get();
    }
}
