package dev.slipway.local.database;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.FileTrees;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one place Slipway's local tooling starts an embedded PostgreSQL (zonky's binaries, about 2 s): the development
 * database of {@code slipway up} and {@code migrate dev} ({@link #keeping}, its data kept between runs) and the
 * database of a runtime layer's training run ({@link #throwaway}). Trust authentication, user {@code postgres}, on
 * localhost only.
 */
public final class EmbeddedPostgresql implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path deleteOnClose; // null when the data is kept

    private EmbeddedPostgresql(EmbeddedPostgres server, Path deleteOnClose) {
        this.server = server;
        this.deleteOnClose = deleteOnClose;
    }

    /** A server on {@code dataDirectory}, created there if empty, whose data outlives it. */
    public static EmbeddedPostgresql keeping(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        return new EmbeddedPostgresql(
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .start(),
                null);
    }

    /** A server in a new temporary directory, deleted with its data on {@link #close}. */
    public static EmbeddedPostgresql throwaway(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        try {
            return new EmbeddedPostgresql(
                    EmbeddedPostgres.builder()
                            .setDataDirectory(directory.resolve("data"))
                            .start(),
                    directory);
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(directory);
            throw e;
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Creates {@code database} unless the server has it. */
    public void createDatabase(String database) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next())
                    c.createStatement().execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
    }

    /** How to reach {@code database} as {@code postgres} ({@code postgres} is there from the start). */
    public DatabaseTarget target(String database) {
        return DatabaseTarget.builder()
                .url("jdbc:postgresql://localhost:" + port() + "/" + database)
                .user("postgres")
                .password("")
                .build();
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            if (deleteOnClose != null) FileTrees.delete(deleteOnClose);
        }
    }
}
