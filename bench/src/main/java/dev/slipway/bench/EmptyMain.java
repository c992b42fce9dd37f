package dev.slipway.bench;

/** The baseline of the cold-start benchmark: a JVM that starts and does nothing. */
public final class EmptyMain {
    private EmptyMain() {}

    public static void main(String[] args) {
        // nothing: its run time is the JVM's own start and stop
    }
}
