package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineTest {

    @ParameterizedTest
    @CsvSource({
        "postgresql, POSTGRESQL",
        "postgres, POSTGRESQL",
        "PG, POSTGRESQL",
        "aurora-postgresql, POSTGRESQL",
        "mysql, MYSQL",
        "mariadb, MYSQL",
        "aurora-mysql, MYSQL",
        "aurora, MYSQL"
    })
    void everyNameSlipwayAndRdsUse_meansOneEngine(String name, Engine engine) {
        assertThat(Engine.parse(name)).isEqualTo(engine);
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:slipway-data-api:postgresql://127.0.0.1:8080/app, POSTGRESQL",
        "jdbc:slipway-data-api:mariadb://127.0.0.1:8080/app, MYSQL",
        "jdbc:slipway-data-api:mysql:aws:us-east-1/app, MYSQL",
        "jdbc:slipway-data-api://127.0.0.1:8080/app?engine=postgresql, POSTGRESQL"
    })
    void aDataApiUrl_namesItsEngineAfterThePrefix_orInAParameter(String url, Engine engine) {
        assertThat(Engine.fromJdbcUrl(url)).isEqualTo(engine);
    }

    @Test
    void anUnknownEngine_isRefusedNamingTheOnesThatWork() {
        assertThatThrownBy(() -> Engine.parse("oracle-ee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'oracle-ee'")
                .hasMessageContaining("postgresql, mysql");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db:5432/app, POSTGRESQL",
        "jdbc:mariadb://db:3306/app, MYSQL",
        "jdbc:mysql://db:3306/app, MYSQL"
    })
    void everySupportedScheme_isRecognized(String url, Engine engine) {
        assertThat(Engine.fromJdbcUrl(url)).isEqualTo(engine);
    }

    @Test
    void anUnsupportedUrl_isRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> Engine.fromJdbcUrl("jdbc:oracle:thin:@db:1521/app?password=hunter2"))
                .hasMessageContaining("jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:")
                .hasMessageContaining("--engine")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMysqlSchemeUrl_isPermittedForTheMariadbDriver_once() {
        String url = Engine.normalizeUrl("jdbc:mysql://db:3306/app?useSSL=true");
        assertThat(url).isEqualTo("jdbc:mysql://db:3306/app?useSSL=true&permitMysqlScheme");
        assertThat(Engine.normalizeUrl(url)).isEqualTo(url);
        assertThat(Engine.normalizeUrl("jdbc:mariadb://db/app")).isEqualTo("jdbc:mariadb://db/app");
    }

    @Test
    void urlsAreWrittenInTheEnginesOwnScheme() {
        assertThat(Engine.POSTGRESQL.jdbcUrl("h", 5432, "app")).isEqualTo("jdbc:postgresql://h:5432/app");
        assertThat(Engine.MYSQL.jdbcUrl("h", 3306, "app")).isEqualTo("jdbc:mariadb://h:3306/app");
    }
}
