package dev.slipway.dataapi.internal;

import com.zaxxer.hikari.util.Credentials;
import dev.slipway.core.RdsSecret;
import dev.slipway.core.SqlErrorKind;
import dev.slipway.dataapi.DataApiConfig;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login each target's connections are opened with now. A target configured by its secret ARN starts with what
 * the secret held at start-up; when the database refuses it, {@link #refresh} reads the secret again (at most once
 * per {@link #MIN_READ_INTERVAL_NANOS}, so a wrong password does not become a flood of Secrets Manager calls). Its
 * pools ask for the login at every new connection (HikariCP's {@code HikariCredentialsProvider}), so a rotated
 * password reaches them without a restart, and connections opened before the rotation live on (the servers keep a
 * session whose password changed).
 */
final class Logins {

    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);
    static final long MIN_READ_INTERVAL_NANOS = 10_000_000_000L;

    /** A login and when it was read; {@code changed}: that read found another login than the one before. */
    private record Login(Credentials credentials, long readAt, boolean changed) {}

    private final Map<DataApiConfig.Target, Login> current = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    Logins(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The login to open a connection of {@code target} with. */
    Credentials of(DataApiConfig.Target target) {
        Login login = current.get(target);
        return login != null ? login.credentials() : Credentials.of(target.user(), target.password());
    }

    /**
     * Reads {@code target}'s secret again after {@code refused}, when it is a refused login and the target's login
     * comes from its secret; true when the secret now holds another login (worth one more try).
     */
    boolean refresh(DataApiConfig.Target target, SQLException refused) {
        if (target.secretReader() == null || !isRefusedLogin(refused)) return false;
        long now = nanoTime.getAsLong();
        synchronized (this) {
            Login known = current.get(target);
            if (known != null && now - known.readAt() < MIN_READ_INTERVAL_NANOS) {
                // read moments ago (by a request refused at the same time): try what that read found, if new
                return known.changed();
            }
            Credentials before = of(target);
            RdsSecret secret;
            try {
                secret = RdsSecret.parse(target.secretReader().read(target.secretArn()));
            } catch (RuntimeException e) {
                LOG.warn(
                        "The database refused the login of {} and its secret could not be read again: {}",
                        target,
                        e.getMessage());
                current.put(target, new Login(before, now, false));
                return false;
            }
            Credentials after = Credentials.of(secret.username(), secret.password());
            boolean changed = !after.getUsername().equals(before.getUsername())
                    || !after.getPassword().equals(before.getPassword());
            current.put(target, new Login(after, now, changed));
            LOG.info(
                    "The database refused the login of {}; its secret was read again ({})",
                    target,
                    changed ? "a new login: retrying" : "unchanged");
            return changed;
        }
    }

    /** A refused user or password ({@link SqlErrorKind#AUTHENTICATION}) anywhere in the cause chain (HikariCP wraps it). */
    static boolean isRefusedLogin(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && SqlErrorKind.of(s) == SqlErrorKind.AUTHENTICATION) return true;
        }
        return false;
    }
}
