package dev.slipway.local.database;

import dev.slipway.core.DatabaseTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The development database used when no URL is configured: an embedded PostgreSQL (zonky) whose data directory
 * survives between runs, holding a database named {@code slipway}.
 *
 * <p>One process runs it at a time (PostgreSQL locks its data directory). The process that starts it writes
 * {@code <dataDirectory>.running} (its pid and the database's URL), and another command on the same project, such
 * as {@code migrate dev} while {@code up} runs, uses that running database instead of failing on the lock; a file
 * left by a process that has ended is ignored and replaced.
 */
public final class DevDatabase implements AutoCloseable {

    static final String DATABASE = "slipway";

    private final EmbeddedPostgresql postgres; // null when another process runs it
    private final DatabaseTarget config;
    private final Path running;

    private DevDatabase(EmbeddedPostgresql postgres, DatabaseTarget config, Path running) {
        this.postgres = postgres;
        this.config = config;
        this.running = running;
    }

    public static DevDatabase start(Path dataDirectory, Consumer<String> progress) {
        Path running = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".running");
        DevDatabase shared = runningElsewhere(running, progress);
        if (shared != null) return shared;
        boolean existing = Files.isDirectory(dataDirectory.resolve("base"));
        progress.accept(
                (existing ? "Starting" : "Creating") + " the embedded development PostgreSQL in " + dataDirectory);
        try {
            EmbeddedPostgresql postgres = EmbeddedPostgresql.keeping(dataDirectory);
            try {
                postgres.createDatabase(DATABASE);
                DatabaseTarget config = postgres.target(DATABASE);
                Files.writeString(
                        running, ProcessHandle.current().pid() + "\n" + config.url() + "\n", StandardCharsets.UTF_8);
                return new DevDatabase(postgres, config, running);
            } catch (IOException | SQLException | RuntimeException e) {
                try {
                    postgres.close();
                } catch (IOException | RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory + ": "
                            + e.getMessage() + ". Delete that directory to start from scratch, or pass --url to use a"
                            + " database of your own.",
                    e);
        }
    }

    /** The database another live process started on this data directory, or null (a stale file is removed). */
    private static DevDatabase runningElsewhere(Path running, Consumer<String> progress) {
        try {
            if (!Files.isRegularFile(running)) return null;
            List<String> lines = Files.readAllLines(running, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (lines.size() < 2 || !alive || !answers(lines.get(1).strip())) { // ended, or its pid reused
                Files.deleteIfExists(running);
                return null;
            }
            progress.accept("Using the embedded development PostgreSQL that process " + pid + " runs on this project ("
                    + lines.get(1) + ")");
            DatabaseTarget config = DatabaseTarget.builder()
                    .url(lines.get(1).strip())
                    .user("postgres")
                    .password("")
                    .build();
            return new DevDatabase(null, config, null);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: start as usual, and the lock says whether another process holds it
        }
    }

    private static boolean answers(String url) {
        DatabaseTarget target = DatabaseTarget.of(url, "postgres", "");
        try (Connection c = dev.slipway.core.DatabaseConnector.open(target, java.time.Duration.ofSeconds(2), null)) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public DatabaseTarget config() {
        return config;
    }

    @Override
    public void close() {
        if (postgres == null) return; // another process's
        try {
            if (running != null) Files.deleteIfExists(running);
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
