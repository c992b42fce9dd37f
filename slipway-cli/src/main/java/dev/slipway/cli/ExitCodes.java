package dev.slipway.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed (database error, failed migration, check failed). */
    public static final int FAILED = dev.slipway.core.ErrorCode.EXIT_FAILED;
    /** The command line or configuration is wrong. */
    public static final int USAGE = dev.slipway.core.ErrorCode.EXIT_USAGE;
    /** Lint found risky statements (for migrate dev: destructive ones, without --allow-destructive). */
    public static final int LINT_FINDINGS = 3;

    private ExitCodes() {}
}
