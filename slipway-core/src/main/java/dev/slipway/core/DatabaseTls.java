package dev.slipway.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * TLS for the connections a function opens from an RDS secret. RDS Proxy refuses clients without TLS, and
 * MariaDB Connector/J does not use TLS unless asked (pgjdbc's default {@code prefer} encrypts but verifies
 * nothing), so by default ({@link Mode#AUTO}) a connection to an AWS database endpoint ({@code
 * *.rds.amazonaws.com}, {@code *.rds.amazonaws.com.cn}: clusters, instances and RDS Proxy) requires TLS and
 * verifies the server's certificate and host name against the RDS certificate authorities shipped here ({@code
 * rds-ca-bundle.pem}, see src/rds-ca); other hosts keep the URL as it is. {@code SLIPWAY_DB_TLS=verify-full}
 * requires it for any host, {@code off} never adds it; {@code SLIPWAY_DB_CA_FILE} names another CA bundle.
 *
 * @param mode when to require verified TLS
 * @param caFile the CA bundle (PEM) to verify against, or null for the RDS bundle
 */
public record DatabaseTls(Mode mode, Path caFile) {

    /** When to require verified TLS. */
    public enum Mode {
        /** For AWS database endpoints only. */
        AUTO,
        /** For every host. */
        VERIFY_FULL,
        /** Never: the URL stays as the secret gives it. */
        OFF
    }

    private static final String BUNDLE = "rds-ca-bundle.pem";
    private static Path extractedBundle;

    /** The default: verified TLS to AWS endpoints with the RDS bundle. */
    public static DatabaseTls auto() {
        return new DatabaseTls(Mode.AUTO, null);
    }

    /** From {@code SLIPWAY_DB_TLS} ({@code auto}, {@code verify-full}, {@code off}) and {@code SLIPWAY_DB_CA_FILE}. */
    public static DatabaseTls fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault(Setting.DB_TLS.env(), "auto").strip().toLowerCase(Locale.ROOT);
        String ca = env.get(Setting.DB_CA_FILE.env());
        Path caFile = ca == null || ca.isBlank() ? null : Path.of(ca.strip());
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new IllegalArgumentException(Setting.DB_CA_FILE.env() + "=" + caFile + " is not a readable file;"
                    + " name a PEM file of CA certificates, or unset it for the RDS bundle.");
        }
        return switch (mode) {
            case "auto", "" -> new DatabaseTls(Mode.AUTO, caFile);
            case "verify-full" -> new DatabaseTls(Mode.VERIFY_FULL, caFile);
            case "off" -> new DatabaseTls(Mode.OFF, caFile);
            default ->
                throw new IllegalArgumentException(Setting.DB_TLS.env() + "=" + mode + " is not a TLS mode; use auto"
                        + " (verified TLS to *.rds.amazonaws.com hosts), verify-full (to every host) or off.");
        };
    }

    /** Whether connections to {@code host} require verified TLS. */
    public boolean requiredFor(String host) {
        return switch (mode) {
            case OFF -> false;
            case VERIFY_FULL -> true;
            case AUTO -> isAwsDatabaseHost(host);
        };
    }

    /** {@code url} (to {@code host}) with the driver's parameters for verified TLS when it is required. */
    public String apply(Engine engine, String host, String url) {
        if (!requiredFor(host)) return url;
        String ca = (caFile != null ? caFile : rdsBundle()).toString();
        return url + (url.contains("?") ? "&" : "?") + engine.verifiedTlsParameters(ca);
    }

    static boolean isAwsDatabaseHost(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.endsWith(".rds.amazonaws.com") || h.endsWith(".rds.amazonaws.com.cn");
    }

    /** The shipped bundle as a file (both drivers read a path): written once per JVM, under java.io.tmpdir. */
    static synchronized Path rdsBundle() {
        if (extractedBundle != null && Files.isReadable(extractedBundle)) return extractedBundle;
        try (InputStream in = DatabaseTls.class.getResourceAsStream(BUNDLE)) {
            if (in == null) throw new IllegalStateException(BUNDLE + " is missing from slipway-core's jar");
            Path file = Files.createTempFile("slipway-rds-ca-", ".pem");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            extractedBundle = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the RDS CA bundle to " + System.getProperty("java.io.tmpdir"), e);
        }
    }
}
