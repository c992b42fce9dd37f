package dev.slipway.jdbc.internal;

import dev.slipway.aws.AwsIdentitySource;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.function.Supplier;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Where the keys that sign requests come from, in order: the connection properties {@code accessKeyId} /
 * {@code secretAccessKey} (/ {@code sessionToken}); else the AWS SDK's default chain (environment, profile,
 * container and instance credentials, web identity) when its {@code auth} module is on the classpath; else the
 * environment variables a Lambda function gets ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}); else the container credentials endpoint a SnapStart function gets
 * ({@link ContainerCredentials}); else none, and requests go unsigned (a Slipway proxy on loopback in development
 * mode accepts them). The SDK's chain is looked up by name so that the driver needs only the signer (770 KB)
 * and not the SDK's core (3 MB more) when a function's role credentials are in its environment anyway.
 */
final class Credentials {

    private static final String SDK_DEFAULT_CHAIN =
            "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";

    private final Supplier<AwsCredentialsIdentity> source;

    private Credentials(Supplier<AwsCredentialsIdentity> source) {
        this.source = source;
    }

    static Credentials resolve(DriverSettings settings) throws SQLException {
        return resolve(settings, System.getenv());
    }

    static Credentials resolve(DriverSettings settings, java.util.Map<String, String> env) throws SQLException {
        if (settings.apiKey() != null) return new Credentials(() -> null);
        if (settings.accessKeyId() != null || settings.secretAccessKey() != null) {
            if (settings.accessKeyId() == null || settings.secretAccessKey() == null) {
                throw new SQLException(
                        "Set both accessKeyId and secretAccessKey (or neither, to use the default AWS credentials).",
                        "28000");
            }
            AwsCredentialsIdentity fixed =
                    AwsIdentitySource.of(settings.accessKeyId(), settings.secretAccessKey(), settings.sessionToken());
            return new Credentials(() -> fixed);
        }
        IdentityProvider<? extends AwsCredentialsIdentity> chain = sdkDefaultChain();
        if (chain != null && (settings.aws() || chainFindsCredentials(chain))) {
            return new Credentials(() -> chain.resolveIdentity().join());
        }
        AwsIdentitySource fromEnvironment = AwsIdentitySource.fromEnvironment(env);
        if (fromEnvironment != null) return new Credentials(fromEnvironment::get);
        if (settings.aws()) {
            throw new SQLException(
                    "No AWS credentials for Aurora's Data API: set accessKeyId and secretAccessKey,"
                            + " the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, or put the AWS SDK's auth module"
                            + " on the classpath for profiles and container credentials.",
                    "28000");
        }
        return new Credentials(() -> null);
    }

    private static volatile Boolean chainFound;

    /**
     * Against a proxy, the SDK's chain is used only if it finds credentials (asked once per JVM: its last link
     * asks the EC2 metadata service, which off AWS takes a second to fail); else requests go unsigned.
     */
    private static boolean chainFindsCredentials(IdentityProvider<? extends AwsCredentialsIdentity> chain) {
        Boolean found = chainFound;
        if (found == null) {
            try {
                chain.resolveIdentity().join();
                found = true;
            } catch (RuntimeException e) {
                found = false;
            }
            chainFound = found;
        }
        return found;
    }

    /** The identity to sign with now, or null for unsigned requests. */
    AwsCredentialsIdentity identity() throws SQLException {
        try {
            return source.get();
        } catch (RuntimeException e) {
            throw new SQLException("No AWS credentials could be loaded: " + e.getMessage(), "28000", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static IdentityProvider<? extends AwsCredentialsIdentity> sdkDefaultChain() {
        try {
            Class<?> type = Class.forName(SDK_DEFAULT_CHAIN, true, Credentials.class.getClassLoader());
            Method create = type.getMethod("create");
            return (IdentityProvider<? extends AwsCredentialsIdentity>) create.invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // the SDK's auth module is not on the classpath
        }
    }
}
