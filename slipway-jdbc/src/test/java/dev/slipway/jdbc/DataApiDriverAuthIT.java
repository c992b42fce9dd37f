package dev.slipway.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The driver's SigV4 signatures (AWS's signer) and API keys, checked by a proxy that requires them, the way it
 * checks the AWS SDKs' signatures; wrong keys get SQL state 28000 with what to check.
 */
class DataApiDriverAuthIT {

    private static final String KEY_ID = "AKIDDRIVERTEST";
    private static final String SECRET = "driver/secret+key=";

    @Test
    void signedRequests_withTheConfiguredKeys_areServed_andAWrongSecretIsRefusedWith28000() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy =
                        DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0)
                                .withKeys(Map.of(KEY_ID, SECRET), Set.of("api-key-1")))) {
            String url = "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name();
            Properties keys = new Properties();
            keys.setProperty("accessKeyId", KEY_ID);
            keys.setProperty("secretAccessKey", SECRET);
            try (Connection c = DriverManager.getConnection(url, keys)) {
                assertThat(selectOne(c)).isEqualTo(1);
            }
            // the same as URL parameters, with a session token as temporary credentials carry
            try (Connection c = DriverManager.getConnection(url + "?accessKeyId=" + KEY_ID + "&secretAccessKey="
                    + java.net.URLEncoder.encode(SECRET, java.nio.charset.StandardCharsets.UTF_8))) {
                assertThat(selectOne(c)).isEqualTo(1);
            }
            try (Connection c = DriverManager.getConnection(url + "?apiKey=api-key-1")) {
                assertThat(selectOne(c)).isEqualTo(1);
            }
            Properties wrong = new Properties();
            wrong.setProperty("accessKeyId", KEY_ID);
            wrong.setProperty("secretAccessKey", "not-the-secret");
            assertThatThrownBy(() -> DriverManager.getConnection(url, wrong))
                    .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                    .hasMessageContaining("InvalidSignatureException")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
            assertThatThrownBy(() -> DriverManager.getConnection(url))
                    .as("no credentials at all")
                    .isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        }
    }

    @Test
    void aBadUrl_saysWhatTheUrlShouldLookLike_andHidesTheSecret() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:slipway-data-api:127.0.0.1:8080/db"))
                .hasMessageContaining("jdbc:slipway-data-api://HOST:PORT/DATABASE");
        assertThatThrownBy(() -> DriverManager.getConnection(
                        "jdbc:slipway-data-api://127.0.0.1:1/db?secretAccessKey=hush&sesion=pinned"))
                .hasMessageContaining("'sesion' is not one of its parameters")
                .hasMessageNotContaining("hush");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:slipway-data-api:aws:us-east-1/db"))
                .hasMessageContaining("needs resourceArn and secretArn");
    }

    private static long selectOne(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("select 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
