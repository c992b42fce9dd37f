package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTlsTest {

    private static final String CLUSTER = "blog.cluster-abc123.eu-west-1.rds.amazonaws.com";
    private static final String PROXY = "blog.proxy-abc123.eu-west-1.rds.amazonaws.com";

    @Test
    void byDefault_awsEndpointsGetVerifiedTls_withTheShippedBundle_andOtherHostsKeepTheirUrl() {
        DatabaseTls tls = DatabaseTls.auto();

        assertThat(tls.apply(Engine.MYSQL, PROXY, "jdbc:mariadb://" + PROXY + ":3306/app"))
                .startsWith("jdbc:mariadb://" + PROXY + ":3306/app?sslMode=verify-full&serverSslCert=/");
        assertThat(tls.apply(Engine.POSTGRESQL, CLUSTER, "jdbc:postgresql://" + CLUSTER + ":5432/app"))
                .contains("?sslmode=verify-full&sslrootcert=/");
        assertThat(tls.apply(
                        Engine.POSTGRESQL, "blog.cluster-x.cn-north-1.rds.amazonaws.com.cn", "jdbc:postgresql://h/app"))
                .contains("sslmode=verify-full");
        assertThat(tls.apply(Engine.MYSQL, "127.0.0.1", "jdbc:mariadb://127.0.0.1:3306/app"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/app");
        assertThat(tls.apply(Engine.MYSQL, "rds.amazonaws.com.example.org", "jdbc:mariadb://x/app"))
                .isEqualTo("jdbc:mariadb://x/app");
    }

    @Test
    void theShippedBundle_holdsTheRdsRegionalCas_andTheAmazonRootsOfRdsProxy() throws Exception {
        Path bundle = DatabaseTls.rdsBundle();
        var certificates = CertificateFactory.getInstance("X.509").generateCertificates(Files.newInputStream(bundle));
        var subjects = certificates.stream()
                .map(c -> ((java.security.cert.X509Certificate) c)
                        .getSubjectX500Principal()
                        .getName())
                .toList();

        assertThat(certificates).hasSizeGreaterThan(100);
        assertThat(subjects).anyMatch(s -> s.contains("CN=Amazon RDS eu-west-1 Root CA RSA2048 G1"));
        assertThat(subjects).anyMatch(s -> s.contains("CN=Amazon Root CA 1"));
    }

    @Test
    void theEnvironment_choosesTheMode_andABadValueSaysWhatIsAccepted(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertThat(DatabaseTls.fromEnvironment(
                                Map.of("SLIPWAY_DB_TLS", "verify-full", "SLIPWAY_DB_CA_FILE", ca.toString()))
                        .apply(Engine.MYSQL, "127.0.0.1", "jdbc:mariadb://127.0.0.1/app"))
                .isEqualTo("jdbc:mariadb://127.0.0.1/app?sslMode=verify-full&serverSslCert=" + ca);
        assertThat(DatabaseTls.fromEnvironment(Map.of("SLIPWAY_DB_TLS", "off")).requiredFor(PROXY))
                .isFalse();
        assertThat(DatabaseTls.fromEnvironment(Map.of()).requiredFor(PROXY)).isTrue();
        assertThatThrownBy(() -> DatabaseTls.fromEnvironment(Map.of("SLIPWAY_DB_TLS", "require")))
                .hasMessageContaining("use auto")
                .hasMessageContaining("verify-full")
                .hasMessageContaining("off");
        assertThatThrownBy(() -> DatabaseTls.fromEnvironment(Map.of("SLIPWAY_DB_CA_FILE", "/no/such.pem")))
                .hasMessageContaining("not a readable file");
    }
}
