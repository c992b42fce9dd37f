package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(SqlErrorKind.of(new SQLException("bad password", "28P01"))).isEqualTo(SqlErrorKind.AUTHENTICATION);
        assertThat(SqlErrorKind.of(new SQLException("denied", "28000", 1045))).isEqualTo(SqlErrorKind.AUTHENTICATION);
        assertThat(SqlErrorKind.of(new SQLException("denied", "HY000", 1045))).isEqualTo(SqlErrorKind.AUTHENTICATION);
        assertThat(SqlErrorKind.of(new SQLException("refused", "08001"))).isNotEqualTo(SqlErrorKind.AUTHENTICATION);
    }

    @Test
    void aUrlThatIsNotJdbc_isRefused_withTheJdbcUrlToUse_andNoPassword() {
        assertThatThrownBy(() -> JdbcUrls.requireJdbc("postgres://ada:s3cret@db.example.com:5432/app?sslmode=require"))
                .hasMessageContaining("use jdbc:postgresql://db.example.com:5432/app?sslmode=require.")
                .hasMessageContaining("--user and --password")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> JdbcUrls.requireJdbc("mysql://db:3306/app"))
                .hasMessageContaining("use jdbc:mysql://db:3306/app.");
        assertThatThrownBy(() -> Engine.fromJdbcUrl("postgresql://db/app"))
                .hasMessageContaining("use jdbc:postgresql://db/app.");
        assertThatThrownBy(() -> JdbcUrls.requireJdbc("db.example.com:5432")).hasMessageContaining("is not a JDBC URL");
        assertThat(JdbcUrls.requireJdbc("jdbc:postgresql://db/app")).isEqualTo("jdbc:postgresql://db/app");
    }
}
