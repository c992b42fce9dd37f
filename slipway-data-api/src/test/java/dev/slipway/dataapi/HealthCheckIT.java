package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's own health check (no shell or curl in it) against a real proxy, over HTTPS and plain HTTP. */
class HealthCheckIT {

    @TempDir
    Path dir;

    @Test
    void aServingProxy_isHealthy_overTlsOrNot_andAStoppedOne_isNot_withTheReason() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            DataApiConfig config = DataApiConfig.development(db.url(), db.user(), "", 0);
            int port;
            try (DataApiServer tls = DataApiServer.start(config.withTls(Tls.selfSigned(dir)))) {
                port = tls.port();
                assertThat(HealthCheck.check(Map.of(
                                "SLIPWAY_DATA_API_PORT",
                                Integer.toString(port),
                                "SLIPWAY_DATA_API_TLS_SELF_SIGNED",
                                "true")))
                        .isNull();
                assertThat(HealthCheck.check(Map.of("SLIPWAY_DATA_API_PORT", Integer.toString(port))))
                        .as("plain HTTP to a TLS port")
                        .isNotNull();
            }
            assertThat(HealthCheck.check(Map.of(
                            "SLIPWAY_DATA_API_PORT",
                            Integer.toString(port),
                            "SLIPWAY_DATA_API_TLS_SELF_SIGNED",
                            "true")))
                    .contains("https://127.0.0.1:" + port + "/health");
            try (DataApiServer plain = DataApiServer.start(config)) {
                assertThat(HealthCheck.check(Map.of("SLIPWAY_DATA_API_PORT", Integer.toString(plain.port()))))
                        .isNull();
            }
        }
    }
}
