package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A function on the data proxy, as SlipwayDataApiService deploys it: SLIPWAY_URL names the proxy, the API key is in
 * a secret (SLIPWAY_DATA_API_KEY_SECRET_ARN). The Data API checks the key on each call, not at connect, so a key
 * rotated while the container holds the old one is refused on a statement: that statement fails, and the next use
 * reads the secret again (past any cache) and goes on with the new key.
 */
class LambdaDatabaseOverDataApiIT {

    private static final String KEY_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:proxy-key";

    @Test
    void aRotatedApiKey_failsOneStatement_thenTheSecretIsReadAgain_andTheNextUseSucceeds() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            DataApiConfig config = DataApiConfig.development(db.url(), db.user(), "", 0);
            DataApiServer before = DataApiServer.start(config.withKeys(Map.of(), Set.of("old-key")));
            int port = before.port();
            Map<String, String> secrets = new ConcurrentHashMap<>(Map.of(KEY_ARN, "{\"apiKey\":\"old-key\"}"));
            AtomicInteger reads = new AtomicInteger();
            SecretSource source = arn -> {
                reads.incrementAndGet();
                return secrets.get(arn);
            };
            Map<String, String> env = Map.of(
                    "SLIPWAY_URL",
                    "jdbc:slipway-data-api://127.0.0.1:" + port + "/" + db.name() + "?engine=postgresql",
                    "SLIPWAY_DATA_API_KEY_SECRET_ARN",
                    KEY_ARN);
            // the bypass keeps the connection unchecked between back-to-back uses: the refusal shows on a statement
            try (LambdaDatabase database = new LambdaDatabase(CredentialsProvider.fromEnvironment(env, source))
                    .withAliveBypass(java.time.Duration.ofMinutes(1))) {
                assertThat(database.dsl().fetchValue(DSL.inline(1))).isEqualTo(1);

                // the rotation: a new key in the secret, and the proxy redeployed with it alone
                secrets.put(KEY_ARN, "{\"apiKey\":\"new-key\"}");
                before.close();
                try (DataApiServer after = restart(config.withKeys(Map.of(), Set.of("new-key")), port)) {
                    assertThatThrownBy(() -> database.dsl().fetchValue(DSL.inline(2)))
                            .hasMessageContaining("UnrecognizedClientException");
                    assertThat(database.dsl().fetchValue(DSL.inline(3))).isEqualTo(3);
                    assertThat(reads.get())
                            .as("read at the first use, and once after the refusal")
                            .isEqualTo(2);
                    assertThat(database.dsl().fetchValue(DSL.inline(4))).isEqualTo(4);
                    assertThat(reads.get()).isEqualTo(2);
                }
            }
        }
    }

    /** The proxy again on {@code port} (what a redeploy behind the same name does); a just-closed port may lag. */
    private static DataApiServer restart(DataApiConfig config, int port) throws Exception {
        DataApiConfig onPort = new DataApiConfig(
                config.bindAddress(),
                port,
                config.targets(),
                config.development(),
                config.accessKeys(),
                config.apiKeys(),
                config.maxConnections(),
                config.borrowTimeout(),
                config.statementTimeout(),
                config.tls(),
                config.limits(),
                config.region());
        for (int attempt = 0; ; attempt++) {
            try {
                return DataApiServer.start(onPort);
            } catch (RuntimeException busy) {
                if (attempt == 20) throw busy;
                Thread.sleep(250);
            }
        }
    }
}
