package dev.slipway.examples.blog.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.testing.SecretsManagerStandIn;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What a SnapStart function does before its snapshot: {@code new BlogApi()} primes the dialect and sends a request
 * to every route on no database, and must open no connection and read nothing from the secret (a secret in a snapshot outlives its rotation, and is copied to every
 * restored container). The environment is the one the CDK constructs give it: the secret's ARN, {@code
 * SLIPWAY_ENGINE}, {@code SLIPWAY_DB_NAME}, and no {@code AWS_SESSION_TOKEN} (SnapStart has none), so the secret
 * comes from Secrets Manager (a stand-in that checks SigV4) on the first request.
 */
class BlogApiInitIT {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blog-db";

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void init_readsNoSecret_andTheFirstRequestReadsItOnce(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase();
                SecretsManagerStandIn secretsManager =
                        new SecretsManagerStandIn(AwsCredentialsIdentity.create("AKIAFN", "fn/secret"), "eu-west-1")) {
            BlogApiIT.migrated(db).close();
            URI address = URI.create(db.url().substring("jdbc:".length()));
            // a secret without dbname, as one a user brings may be: SLIPWAY_DB_NAME names the database
            secretsManager.put(
                    ARN,
                    "{\"engine\":\"" + db.engine() + "\",\"host\":\"" + address.getHost() + "\",\"port\":"
                            + address.getPort() + ",\"username\":\"" + db.user() + "\",\"password\":\""
                            + (db.password() == null ? "" : db.password()) + "\"}");
            Map<String, String> env = Map.of(
                    "SLIPWAY_DB_SECRET_ARN",
                    ARN,
                    "SLIPWAY_ENGINE",
                    db.engine(),
                    "SLIPWAY_DB_NAME",
                    db.name(),
                    "AWS_REGION",
                    "eu-west-1",
                    "AWS_ACCESS_KEY_ID",
                    "AKIAFN",
                    "AWS_SECRET_ACCESS_KEY",
                    "fn/secret",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                    secretsManager.endpoint().toString());

            LambdaDatabase database = LambdaDatabase.fromEnvironment(env);
            Api api = new Api(new BlogApi(database)); // init: priming sends a request to every route
            assertThat(secretsManager.reads()).as("reads before the snapshot").isZero();
            assertThat(database.connectCount())
                    .as("connections before the snapshot")
                    .isZero();

            assertThat(api.call("GET", "/authors", null).status()).isEqualTo(200);
            assertThat(api.call("GET", "/authors", null).status()).isEqualTo(200);
            assertThat(secretsManager.reads()).as("once per container").isEqualTo(1);
        }
    }
}
