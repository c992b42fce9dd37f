package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.DatabaseTarget;
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

        DatabaseTarget credentials = provider.get();
        assertThat(credentials.url()).isEqualTo("jdbc:postgresql://proxy.internal:5432/other");
        assertThat(LambdaDatabase.dialectOf(credentials.engine())).isEqualTo(SQLDialect.POSTGRES);
        assertThat(credentials.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void noConfiguration_namesBothWaysToConfigure() {
        assertThatThrownBy(() -> CredentialsProvider.fromEnvironment(Map.of(), id -> SECRET))
                .hasMessageContaining("SLIPWAY_DB_SECRET_ARN")
                .hasMessageContaining("SLIPWAY_URL");
    }

    @Test
    void dataProxyUrl_getsTheApiKeyFromItsSecret_readOncePerContainer_andNeverShown() {
        int[] fetches = {0};
        CredentialsProvider provider = CredentialsProvider.fromEnvironment(
                Map.of(
                        "SLIPWAY_URL",
                        "jdbc:slipway-data-api://proxy.internal:443/blog?tls=true&engine=postgresql",
                        "SLIPWAY_DATA_API_KEY_SECRET_ARN",
                        "arn:key"),
                id -> {
                    fetches[0]++;
                    assertThat(id).isEqualTo("arn:key");
                    return "{\"apiKey\":\"k/y+1\"}";
                });

        DatabaseTarget credentials = provider.get();
        provider.get();
        assertThat(fetches[0]).isEqualTo(1);
        assertThat(credentials.url())
                .isEqualTo(
                        "jdbc:slipway-data-api://proxy.internal:443/blog?tls=true&engine=postgresql&apiKey=k%2Fy%2B1");
        assertThat(credentials.user()).isNull();
        assertThat(credentials.toString()).doesNotContain("k%2Fy").contains("apiKey=***");
    }

    @Test
    void dataProxyKeySecret_thatIsNotAKey_orBesideAnotherUrl_isRefusedWithTheFix() {
        Map<String, String> env = Map.of(
                "SLIPWAY_URL",
                "jdbc:slipway-data-api://proxy.internal:443/blog",
                "SLIPWAY_DATA_API_KEY_SECRET_ARN",
                "k");
        assertThatThrownBy(() -> CredentialsProvider.fromEnvironment(env, id -> "{\"username\":\"x\"}")
                        .get())
                .hasMessageContaining("no \"apiKey\"");
        assertThatThrownBy(() -> CredentialsProvider.fromEnvironment(
                                Map.of(
                                        "SLIPWAY_URL",
                                        "jdbc:postgresql://db/blog",
                                        "SLIPWAY_DATA_API_KEY_SECRET_ARN",
                                        "k"),
                                id -> "key")
                        .get())
                .hasMessageContaining("not a jdbc:slipway-data-api: URL");
        assertThatThrownBy(() -> CredentialsProvider.fromEnvironment(
                                Map.of(
                                        "SLIPWAY_URL",
                                        "jdbc:slipway-data-api://proxy/blog?apiKey=inline",
                                        "SLIPWAY_DATA_API_KEY_SECRET_ARN",
                                        "k"),
                                id -> "key")
                        .get())
                .hasMessageContaining("keep the key in the secret only");
    }
}
