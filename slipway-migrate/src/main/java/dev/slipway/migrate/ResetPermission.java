package dev.slipway.migrate;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Setting;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import java.util.Map;

/**
 * The explicit permission {@link Migrator#reset} needs: a flag the user typed ({@code
 * --i-understand-this-deletes-all-data}) or {@code SLIPWAY_ALLOW_RESET=true}.
 */
public record ResetPermission(boolean granted, String source) {

    public static final String FLAG = "--i-understand-this-deletes-all-data";

    public static ResetPermission denied() {
        return new ResetPermission(false, "none");
    }

    public static ResetPermission fromFlag(boolean flag) {
        return new ResetPermission(flag, FLAG);
    }

    /** Granted when {@code SLIPWAY_ALLOW_RESET} is {@code true} in {@code env}. */
    public static ResetPermission fromEnvironment(Map<String, String> env) {
        return new ResetPermission(
                "true".equalsIgnoreCase(env.get(Setting.ALLOW_RESET.env())), Setting.ALLOW_RESET.env());
    }

    public ResetPermission or(ResetPermission other) {
        return granted ? this : other;
    }

    void require(DatabaseTarget database) {
        if (!granted) {
            throw new MigrateException(
                    MigrateErrorCode.RESET_REFUSED,
                    "Refusing to reset " + database + ": it deletes all data. Pass " + FLAG + " or set "
                            + Setting.ALLOW_RESET.env() + "=true if that is what you want.");
        }
    }
}
