package dev.slipway.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a SnapStart function has instead of key variables: a container credentials endpoint (here a real HTTP
 * server that, like Lambda's, answers only with the authorization token), whose temporary keys sign the requests a
 * proxy then verifies. Lambda's endpoint and its JSON are as AWS documents them for container credentials.
 */
class ContainerCredentialsIT {

    @Test
    void aSnapStartStyleEndpoint_suppliesTheKeysThatSign_andIsAskedAgainOnlyNearExpiry(@TempDir Path dir)
            throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/2018-06-01/credentials", exchange -> {
            try (exchange) {
                boolean authorized = "tok-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = (authorized
                                ? "{\"AccessKeyId\":\"ASIACONTAINER\",\"SecretAccessKey\":\"container/secret\","
                                        + "\"Token\":\"session-token\",\"Expiration\":\""
                                        + Instant.now().plusSeconds(3600) + "\"}"
                                : "{\"message\":\"unauthorized\"}")
                        .getBytes(StandardCharsets.UTF_8);
                if (authorized) asked.incrementAndGet();
                exchange.sendResponseHeaders(authorized ? 200 : 403, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        endpoint.start();
        Path tokenFile = Files.writeString(dir.resolve("token"), "tok-1\n");
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy =
                        DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0)
                                .withKeys(Map.of("ASIACONTAINER", "container/secret"), Set.of()))) {
            String url = "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name();
            DriverSettings settings = DriverSettings.parse(url, null);
            Map<String, String> env = Map.of(
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2018-06-01/credentials",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                    tokenFile.toString());
            try (DataApiConnection c =
                    new DataApiConnection(new Transport(settings, Credentials.resolve(settings, env)), url)) {
                for (int i = 0; i < 3; i++) {
                    try (ResultSet rs = c.createStatement().executeQuery("select 41 + 1")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(42);
                    }
                }
            }
            assertThat(asked.get()).as("fetched once for an hour's credentials").isEqualTo(1);
        } finally {
            endpoint.stop(0);
        }
    }
}
