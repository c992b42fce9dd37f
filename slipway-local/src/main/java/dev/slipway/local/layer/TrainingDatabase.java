package dev.slipway.local.layer;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a training run talks to when the function's migrations are at hand and its engine is PostgreSQL: an
 * embedded PostgreSQL (zonky, in a temporary directory) with those migrations applied, whose credentials a local
 * Secrets Manager hands out as an RDS secret. The training run then takes the function's whole Lambda path, secret
 * read, connect and queries, and the AOT cache holds pgjdbc's protocol classes too.
 */
final class TrainingDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private TrainingDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static TrainingDatabase start(Path migrations, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(migrations.resolve("postgresql"))) {
            throw new IllegalArgumentException("No " + migrations.resolve("postgresql")
                    + ": --training-migrations names the directory with the postgresql/ and mysql/ migrations.");
        }
        Path directory = Files.createTempDirectory("slipway-training-db");
        progress.accept("Starting an embedded PostgreSQL for the training run");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("data"))
                .start();
        try {
            DatabaseTarget config = DatabaseTarget.builder()
                    .url("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres")
                    .user("postgres")
                    .password("")
                    .build();
            new Migrator(config, MigrationsLocation.directory(migrations), progress).deploy();
        } catch (RuntimeException e) {
            postgres.close();
            dev.slipway.core.FileTrees.delete(directory);
            throw e;
        }
        return new TrainingDatabase(postgres, directory);
    }

    /** The database as an RDS secret's JSON, as Secrets Manager would hold it. */
    String secretJson() {
        return "{\"username\":\"postgres\",\"password\":\"\",\"host\":\"localhost\",\"port\":" + postgres.getPort()
                + ",\"dbname\":\"postgres\",\"engine\":\"postgres\"}";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        dev.slipway.core.FileTrees.delete(directory);
    }
}
