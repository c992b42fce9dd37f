package dev.slipway.migrate.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.ErrorCode;
import dev.slipway.core.SqlErrorKind;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrateErrorCodeTest {

    /** A failure to connect exits as the SQL error table says, whichever module reports it. */
    @ParameterizedTest
    @EnumSource(
            value = SqlErrorKind.class,
            names = {"AUTHENTICATION", "ACCESS_DENIED", "UNKNOWN_DATABASE", "CONNECTION_LOST"})
    void aConnectFailureExitsAsTheSqlErrorTableSays(SqlErrorKind kind) {
        MigrateErrorCode code = MigrateErrorCode.ofConnectFailure(kind);

        assertThat(code.exitCode()).isEqualTo(kind.exitCode());
        assertThat(code.retryable()).isEqualTo(kind.retryable());
    }

    @Test
    void onlyTheUsersInputExitsWithUsage() {
        EnumSet<MigrateErrorCode> usage = EnumSet.noneOf(MigrateErrorCode.class);
        for (MigrateErrorCode code : MigrateErrorCode.values()) {
            if (code.exitCode() == ErrorCode.EXIT_USAGE) usage.add(code);
        }

        assertThat(usage).containsExactlyInAnyOrder(MigrateErrorCode.CONFIGURATION, MigrateErrorCode.RESET_REFUSED);
    }

    @Test
    void anExceptionExitsWithItsCode() {
        MigrateException e = new MigrateException(MigrateErrorCode.DRIFT, "drift");

        assertThat(e.exitCode()).isEqualTo(ErrorCode.EXIT_FAILED);
        assertThat(e.code()).isSameAs(MigrateErrorCode.DRIFT);
    }
}
