package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void passwordsAndUserInfo_areMasked() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/app?user=a&password=p1&sslpassword=p2"))
                .isEqualTo("jdbc:postgresql://db/app?user=a&password=***&sslpassword=***");
        assertThat(JdbcUrls.mask("jdbc:mysql://root:p3@db:3306/app")).isEqualTo("jdbc:mysql://***@db:3306/app");
    }

    @Test
    void theDatabaseIsReadAndReplaced_keepingTheParameters() {
        assertThat(JdbcUrls.database("jdbc:mariadb://db:3306/app?x=1")).isEqualTo("app");
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db:3306/app?x=1", "other"))
                .isEqualTo("jdbc:mariadb://db:3306/other?x=1");
    }

    @Test
    void authenticationFailures_areTheSameTestOnEveryEngine() {
        assertThat(DatabaseErrors.isAuthenticationFailure(new SQLException("bad password", "28P01")))
                .isTrue();
        assertThat(DatabaseErrors.isAuthenticationFailure(new SQLException("denied", "28000", 1045)))
                .isTrue();
        assertThat(DatabaseErrors.isAuthenticationFailure(new SQLException("denied", "HY000", 1045)))
                .isTrue();
        assertThat(DatabaseErrors.isAuthenticationFailure(new SQLException("refused", "08001")))
                .isFalse();
    }
}
