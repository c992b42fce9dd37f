package dev.slipway.cli.internal;

import dev.slipway.migrate.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The development database used when no URL is configured: an embedded PostgreSQL (zonky) whose data directory
 * survives between runs, holding a database named {@code slipway}.
 */
public final class DevDatabase implements AutoCloseable {

    static final String DATABASE = "slipway";

    private final EmbeddedPostgres postgres;
    private final DatabaseConfig config;

    private DevDatabase(EmbeddedPostgres postgres, DatabaseConfig config) {
        this.postgres = postgres;
        this.config = config;
    }

    public static DevDatabase start(Path dataDirectory, Consumer<String> progress) {
        boolean existing = Files.isDirectory(dataDirectory.resolve("base"));
        progress.accept(
                (existing ? "Starting" : "Creating") + " the embedded development PostgreSQL in " + dataDirectory);
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                ResultSet rs = c.createStatement()
                        .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
                if (!rs.next()) c.createStatement().execute("create database " + DATABASE);
            }
            DatabaseConfig config = DatabaseConfig.builder()
                    .url(postgres.getJdbcUrl("postgres", DATABASE).replaceAll("[?&]user=postgres", ""))
                    .user("postgres")
                    .password("")
                    .build();
            return new DevDatabase(postgres, config);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory + ": "
                            + e.getMessage() + ". Delete that directory to start from scratch, or pass --url to use a"
                            + " database of your own.",
                    e);
        }
    }

    public DatabaseConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
