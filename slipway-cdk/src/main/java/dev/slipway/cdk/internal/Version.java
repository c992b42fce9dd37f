package dev.slipway.cdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Slipway's version, part of the migration custom resource's hash: a new runner reruns the migrations. */
public final class Version {

    private Version() {}

    public static String slipway() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/slipway/cdk/slipway.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("slipway-cdk is missing its version resource; rebuild it", e);
        }
    }
}
