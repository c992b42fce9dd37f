package dev.slipway.dataapi;

import static dev.slipway.dataapi.RdsDataClientIT.CLUSTER;
import static dev.slipway.dataapi.RdsDataClientIT.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** HTTPS from a self-signed certificate and from PEM files, with the SDK verifying the certificate and host. */
class TlsIT {

    @TempDir
    Path dir;

    private static RdsDataClient trusting(KeyStore server, java.net.URI endpoint) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("proxy", server.getCertificate("slipway"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return RdsDataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .tlsTrustManagersProvider(factory::getTrustManagers)
                        .build())
                .build();
    }

    private static long selectOne(RdsDataClient rds) {
        return rds.executeStatement(
                        r -> r.resourceArn(CLUSTER).secretArn(SECRET).sql("select 1"))
                .records()
                .get(0)
                .get(0)
                .longValue();
    }

    @Test
    void aSelfSignedCertificate_servesHttps_thatTheSdkVerifies() throws Exception {
        KeyStore store = Tls.selfSigned(dir);
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(
                        DataApiConfig.development(db.url(), db.user(), "", 0).withTls(store));
                RdsDataClient rds = trusting(store, proxy.endpoint())) {
            assertThat(proxy.endpoint().getScheme()).isEqualTo("https");
            assertThat(selectOne(rds)).isEqualTo(1);
        }
    }

    @Test
    void pemFiles_fromOpenssl_serveHttps() throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Process openssl;
        try {
            openssl = new ProcessBuilder(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-keyout",
                            key.toString(),
                            "-out",
                            cert.toString(),
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=IP:127.0.0.1,DNS:localhost",
                            "-days",
                            "1")
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "openssl is not installed, so no PEM files can be made here");
            return;
        }
        openssl.getInputStream().readAllBytes();
        assumeTrue(openssl.waitFor() == 0 && Files.exists(cert), "openssl could not make a certificate");
        KeyStore store = Tls.fromPem(cert, key);
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(
                        DataApiConfig.development(db.url(), db.user(), "", 0).withTls(store));
                RdsDataClient rds = trusting(store, proxy.endpoint())) {
            assertThat(selectOne(rds)).isEqualTo(1);
        }
    }
}
