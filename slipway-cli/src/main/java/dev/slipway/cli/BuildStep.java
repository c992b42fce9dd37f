package dev.slipway.cli;

/**
 * The slipway command line as a build step ({@code exec-maven-plugin}'s {@code java} goal runs it inside Maven):
 * a failure throws instead of calling {@code System.exit}, which would end the build's JVM.
 */
public final class BuildStep {

    private BuildStep() {}

    public static void main(String[] args) {
        int code = Slipway.run(CliContext.system(), args);
        if (code != ExitCodes.OK) {
            throw new IllegalStateException("slipway " + String.join(" ", args) + " failed (exit code " + code
                    + "); its error is printed above");
        }
    }
}
