package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void fromRdsSecret_buildsTheUrlForTheEngine() {
        DatabaseTarget pg = DatabaseTarget.fromRdsSecret(
                "{\"username\":\"app\",\"password\":\"s3cr3t\",\"host\":\"db.internal\",\"port\":5432,"
                        + "\"dbname\":\"blog\",\"engine\":\"postgres\"}");
        DatabaseTarget my = DatabaseTarget.fromRdsSecret(
                "{\"username\":\"app\",\"password\":\"s3cr3t\",\"host\":\"db.internal\",\"engine\":\"mysql\"}");

        assertThat(pg.url()).isEqualTo("jdbc:postgresql://db.internal:5432/blog");
        assertThat(pg.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(my.url()).isEqualTo("jdbc:mariadb://db.internal:3306/");
        assertThat(my.password()).isEqualTo("s3cr3t");
    }

    @Test
    void fromRdsSecret_namesTheMissingField_withoutEchoingTheSecret() {
        assertThatThrownBy(() -> DatabaseTarget.fromRdsSecret("{\"username\":\"app\",\"password\":\"s3cr3t\"}"))
                .hasMessageContaining("no 'host'")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> DatabaseTarget.fromRdsSecret("not json s3cr3t"))
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void fromEnvironment_readsSlipwayVariables_andMasksThePassword() {
        DatabaseTarget config = DatabaseTarget.fromEnvironment(Map.of(
                "SLIPWAY_URL", "jdbc:mysql://127.0.0.1:3306/app",
                "SLIPWAY_USER", "root",
                "SLIPWAY_PASSWORD", "pw-123",
                "SLIPWAY_CONNECT_TIMEOUT_SECONDS", "90"));

        assertThat(config.engine()).isEqualTo(Engine.MYSQL);
        assertThat(config.url()).isEqualTo("jdbc:mysql://127.0.0.1:3306/app?permitMysqlScheme");
        assertThat(config.connectTimeout()).hasSeconds(90);
        assertThat(config.toString()).doesNotContain("pw-123");
    }

    @Test
    void builder_explainsAMissingUrl() {
        assertThatThrownBy(() -> DatabaseTarget.builder().build())
                .hasMessageContaining("SLIPWAY_URL")
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void toString_masksPasswordsInTheUrl() {
        DatabaseTarget config = DatabaseTarget.builder()
                .url("jdbc:postgresql://127.0.0.1/app?user=x&password=topsecret")
                .build();

        assertThat(config.toString()).contains("password=***").doesNotContain("topsecret");
    }
}
