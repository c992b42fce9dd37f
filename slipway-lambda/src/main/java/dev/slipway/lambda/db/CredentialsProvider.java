package dev.slipway.lambda.db;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTargetSource;
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
public final class CredentialsProvider implements DatabaseTargetSource {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CredentialsProvider.class);

    private final Loader loader;
    private final Loader currentLoader;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile DatabaseTarget current;
    private volatile boolean stale;

    /** Produces fresh credentials. */
    @FunctionalInterface
    public interface Loader {
        DatabaseTarget load();
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
                    () -> fromRdsSecret(secrets.fetch(secretArn), dbName, host, tls),
                    () -> fromRdsSecret(secrets.fetchCurrent(secretArn), dbName, host, tls));
        }
        String url = env.get(Setting.URL.env());
        String keySecretArn = env.get(Setting.DATA_API_KEY_SECRET_ARN.env());
        if (url != null && !url.isBlank() && keySecretArn != null && !keySecretArn.isBlank()) {
            return new CredentialsProvider(
                    () -> DataApiKeySecret.credentials(url, secrets.fetch(keySecretArn)),
                    () -> DataApiKeySecret.credentials(url, secrets.fetchCurrent(keySecretArn)));
        }
        if (url != null && !url.isBlank()) {
            DatabaseTarget fixed;
            try {
                fixed = DatabaseTarget.of(
                        url, env.get(Setting.USER.env()), env.getOrDefault(Setting.PASSWORD.env(), ""));
            } catch (IllegalArgumentException e) {
                throw new SlipwayLambdaException(SlipwayLambdaException.Kind.CONFIGURATION, e.getMessage(), e);
            }
            return new CredentialsProvider(() -> fixed);
        }
        throw new SlipwayLambdaException(
                "No database configured. Set " + Setting.DB_SECRET_ARN.env() + " to the ARN of an"
                        + " RDS secret (the Slipway CDK constructs do), or " + Setting.URL.env() + " (+ "
                        + Setting.USER.env() + ", "
                        + Setting.PASSWORD.env() + ") for a local run.");
    }

    /** A secret that is not an RDS secret is {@link SlipwayLambdaException.Kind#SECRET}: the operator's to fix. */
    private static DatabaseTarget fromRdsSecret(String json, String dbName, String host, DatabaseTls tls) {
        try {
            return DatabaseTarget.fromRdsSecret(json, dbName, host, tls);
        } catch (IllegalArgumentException e) {
            throw new SlipwayLambdaException(SlipwayLambdaException.Kind.SECRET, e.getMessage(), e);
        }
    }

    @Override
    public DatabaseTarget current() {
        return get();
    }

    /** Loads again, past any cache, at the next {@link #get()} (a fixed target loads the same again). */
    @Override
    public boolean reread() {
        LOG.warn("The database refused the credentials; reading the secret again in case it was rotated");
        markStale();
        return true;
    }

    public DatabaseTarget get() {
        DatabaseTarget value = current;
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
