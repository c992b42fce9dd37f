package dev.slipway.local.layer;

import dev.slipway.local.database.EmbeddedPostgresql;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
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

    private final EmbeddedPostgresql postgres;

    private TrainingDatabase(EmbeddedPostgresql postgres) {
        this.postgres = postgres;
    }

    static TrainingDatabase start(Path migrations, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(migrations.resolve("postgresql"))) {
            throw new IllegalArgumentException("No " + migrations.resolve("postgresql")
                    + ": --training-migrations names the directory with the postgresql/ and mysql/ migrations.");
        }
        progress.accept("Starting an embedded PostgreSQL for the training run");
        EmbeddedPostgresql postgres = EmbeddedPostgresql.throwaway("slipway-training-db");
        try {
            new Migrator(postgres.target("postgres"), MigrationsLocation.directory(migrations), progress).deploy();
        } catch (RuntimeException e) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new TrainingDatabase(postgres);
    }

    /** The database as an RDS secret's JSON, as Secrets Manager would hold it. */
    String secretJson() {
        return "{\"username\":\"postgres\",\"password\":\"\",\"host\":\"localhost\",\"port\":" + postgres.port()
                + ",\"dbname\":\"postgres\",\"engine\":\"postgres\"}";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
