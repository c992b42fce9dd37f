package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataApiConfigTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf";
    private static final String RDS_SECRET =
            "{\"engine\":\"postgres\",\"host\":\"db.cluster-x.eu-west-1.rds.amazonaws.com\","
                    + "\"port\":5432,\"username\":\"slipway\",\"password\":\"Secret-Pa55\",\"dbname\":\"app\"}";

    private static Map<String, String> deployed() {
        Map<String, String> settings = new HashMap<>();
        settings.put("slipway.data-api.bind", "0.0.0.0");
        settings.put("slipway.data-api.api-keys", "k1");
        settings.put("slipway.data-api.target.main.resource-arn", "arn:aws:rds:eu-west-1:111122223333:cluster:db");
        settings.put("slipway.data-api.target.main.secret-arn", SECRET);
        settings.put("slipway.data-api.target.main.databases", "app");
        return settings;
    }

    @Test
    void aTargetByItsSecretArnAlone_readsTheLoginFromTheSecret_andKeepsTheReaderForRotations() {
        int[] reads = {0};
        DataApiConfig config = DataApiConfig.fromSettings(deployed(), arn -> {
            reads[0]++;
            assertThat(arn).isEqualTo(SECRET);
            return RDS_SECRET;
        });

        DataApiConfig.Target target = config.targets().get(0);
        assertThat(reads[0]).isEqualTo(1);
        assertThat(target.url()).startsWith("jdbc:postgresql://db.cluster-x.eu-west-1.rds.amazonaws.com:5432/app");
        assertThat(target.user()).isEqualTo("slipway");
        assertThat(target.secretReader()).isNotNull();
        assertThat(target.toString()).doesNotContain("Secret-Pa55");
        assertThat(config.maxConnections()).isEqualTo(10);
    }

    @Test
    void anUnreadableSecret_stopsTheStart_namingTheSecretAndTheOtherWays() {
        assertThatThrownBy(() -> DataApiConfig.fromSettings(deployed(), arn -> {
                    throw new IllegalStateException("AccessDeniedException");
                }))
                .hasMessageContaining("cannot read its secret " + SECRET)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("slipway.data-api.target.main.url")
                .hasMessageContaining("slipway.data-api.target.main.secret-json");
    }

    @Test
    void thePoolSize_isASetting_ofAtLeastOne() {
        Map<String, String> settings = deployed();
        settings.put("slipway.data-api.max-connections", "25");
        assertThat(DataApiConfig.fromSettings(settings, arn -> RDS_SECRET).maxConnections())
                .isEqualTo(25);
        settings.put("slipway.data-api.max-connections", "0");
        assertThatThrownBy(() -> DataApiConfig.fromSettings(settings, arn -> RDS_SECRET))
                .hasMessageContaining("slipway.data-api.max-connections (SLIPWAY_DATA_API_MAX_CONNECTIONS)")
                .hasMessageContaining("at least 1");
    }

    @Test
    void anEmbeddedSecretJson_orAUrl_readsNothing() {
        Map<String, String> settings = deployed();
        settings.put("slipway.data-api.target.main.secret-json", RDS_SECRET);
        DataApiConfig config = DataApiConfig.fromSettings(settings, arn -> {
            throw new AssertionError("read " + arn);
        });
        assertThat(config.targets().get(0).secretReader()).isNull();
    }
}
