package dev.slipway.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.lambda.exceptions.SlipwayLambdaException;
import dev.slipway.lambda.exceptions.SlipwayLambdaException.Kind;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    @ParameterizedTest
    @CsvSource({
        "UNREACHABLE, 503, unavailable",
        "CONFIGURATION, 500, misconfigured",
        "SECRET, 500, misconfigured",
        "AUTHENTICATION, 500, misconfigured"
    })
    void slipwayErrors_answer503OnlyWhenARetryCanHelp(Kind kind, int status, String code) {
        RuntimeException wrapped = new RuntimeException(new SlipwayLambdaException(kind, "why, and the fix"));
        ErrorMapping.Mapped mapped = ErrorMapping.map(wrapped, "req-1");
        assertThat(mapped.status()).isEqualTo(status);
        assertThat(mapped.code()).isEqualTo(code);
        assertThat(mapped.message()).contains("req-1").doesNotContain("why, and the fix");
    }

    @ParameterizedTest
    @CsvSource({
        "23505, 0, 409",
        "23000, 1062, 409",
        "23503, 0, 422",
        "23000, 1452, 422",
        "23514, 0, 422",
        "HY000, 4025, 422",
        "42P01, 0, 500"
    })
    void constraintViolations_are409Or422_andOtherSqlErrors500(String state, int vendor, int status) {
        RuntimeException e = new RuntimeException("jOOQ says", new SQLException("detail with values", state, vendor));
        ErrorMapping.Mapped mapped = ErrorMapping.map(e, "req-2");
        assertThat(mapped.status()).isEqualTo(status);
        assertThat(mapped.message()).doesNotContain("detail with values");
    }
}
