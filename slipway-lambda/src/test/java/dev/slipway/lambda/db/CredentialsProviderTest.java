package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class CredentialsProviderTest {

    private static final String SECRET = "{\"username\":\"app\",\"password\":\"s3cr3t\",\"host\":\"cluster.internal\","
            + "\"port\":5432,\"dbname\":\"blog\",\"engine\":\"postgres\"}";

    @Test
    void secret_isFetchedOnce_untilMarkedStale() {
        int[] fetches = {0};
        CredentialsProvider provider =
                CredentialsProvider.fromEnvironment(Map.of("SLIPWAY_DB_SECRET_ARN", "arn:secret"), id -> {
                    fetches[0]++;
                    return SECRET;
                });

        provider.get();
        provider.get();
        assertThat(fetches[0]).isEqualTo(1);
        provider.markStale();
        assertThat(provider.get().url()).isEqualTo("jdbc:postgresql://cluster.internal:5432/blog");
        assertThat(fetches[0]).isEqualTo(2);
    }

    @Test
    void hostAndDatabase_canBeOverridden_forAnRdsProxy() {
        CredentialsProvider provider = CredentialsProvider.fromEnvironment(
                Map.of(
                        "SLIPWAY_DB_SECRET_ARN",
                        "arn:secret",
                        "SLIPWAY_DB_HOST",
                        "proxy.internal",
                        "SLIPWAY_DB_NAME",
                        "other"),
                id -> SECRET);

        DbCredentials credentials = provider.get();
        assertThat(credentials.url()).isEqualTo("jdbc:postgresql://proxy.internal:5432/other");
        assertThat(credentials.dialect()).isEqualTo(SQLDialect.POSTGRES);
        assertThat(credentials.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void noConfiguration_namesBothWaysToConfigure() {
        assertThatThrownBy(() -> CredentialsProvider.fromEnvironment(Map.of(), id -> SECRET))
                .hasMessageContaining("SLIPWAY_DB_SECRET_ARN")
                .hasMessageContaining("SLIPWAY_URL");
    }
}
