package dev.slipway.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code slipway --version}: the CLI's version from its jar's manifest, and the Java running it. */
final class SlipwayVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Slipway.class.getPackage().getImplementationVersion();
        return new String[] {
            "slipway " + (version == null ? "(development build: classes, not the jar)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                    + System.getProperty("java.home")
        };
    }
}
