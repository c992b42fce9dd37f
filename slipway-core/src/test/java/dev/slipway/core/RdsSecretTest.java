package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RdsSecretTest {

    private static String secret(String engine, String port) {
        return "{\"username\":\"app\",\"password\":\"s3cr3t\",\"host\":\"db.internal\",\"engine\":\"" + engine + "\""
                + (port == null ? "" : ",\"port\":" + port) + ",\"dbname\":\"blog\"}";
    }

    @ParameterizedTest
    @CsvSource({
        "postgres, jdbc:postgresql://db.internal:5432/blog",
        "aurora-postgresql, jdbc:postgresql://db.internal:5432/blog",
        "mysql, jdbc:mariadb://db.internal:3306/blog",
        "mariadb, jdbc:mariadb://db.internal:3306/blog",
        "aurora-mysql, jdbc:mariadb://db.internal:3306/blog",
        "aurora, jdbc:mariadb://db.internal:3306/blog"
    })
    void everyRdsEngineName_givesTheEnginesUrlAndDefaultPort(String engine, String url) {
        RdsSecret parsed = RdsSecret.parse(secret(engine, null));
        assertThat(parsed.jdbcUrl(null, null)).isEqualTo(url);
        assertThat(parsed.username()).isEqualTo("app");
        assertThat(parsed.password()).isEqualTo("s3cr3t");
    }

    @Test
    void thePortDatabaseAndHostOverridesAreUsed() {
        RdsSecret parsed = RdsSecret.parse(secret("postgres", "6543"));
        assertThat(parsed.jdbcUrl("other", "proxy.internal")).isEqualTo("jdbc:postgresql://proxy.internal:6543/other");
        assertThat(parsed.jdbcUrl(" ", "")).isEqualTo("jdbc:postgresql://db.internal:6543/blog");
    }

    @Test
    void aSecretThatIsNotJson_isRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> RdsSecret.parse("password=s3cr3t"))
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("username")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aMissingField_isNamed() {
        assertThatThrownBy(() -> RdsSecret.parse("{\"username\":\"app\",\"password\":\"s3cr3t\",\"engine\":\"mysql\"}"))
                .hasMessageContaining("no 'host'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anUnsupportedEngine_isRefused_andItsStringFormHidesThePassword() {
        assertThatThrownBy(() -> RdsSecret.parse(secret("sqlserver-ex", null)))
                .hasMessageContaining("engine")
                .hasMessageContaining("'sqlserver-ex'");
        assertThat(RdsSecret.parse(secret("postgres", null)).toString()).doesNotContain("s3cr3t");
    }
}
