package dev.slipway.cli.runtime;

import dev.slipway.cli.internal.DevDatabase;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import java.io.IOException;
import java.net.URI;
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

    private final DevDatabase database;
    private final Path directory;

    private TrainingDatabase(DevDatabase database, Path directory) {
        this.database = database;
        this.directory = directory;
    }

    static TrainingDatabase start(Path migrations, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(migrations.resolve("postgresql"))) {
            throw new IllegalArgumentException("No " + migrations.resolve("postgresql")
                    + ": --training-migrations names the directory with the postgresql/ and mysql/ migrations.");
        }
        Path directory = Files.createTempDirectory("slipway-training-db");
        DevDatabase database = DevDatabase.start(directory.resolve("data"), progress);
        try {
            new Migrator(database.config(), MigrationsLocation.directory(migrations), progress).deploy();
        } catch (RuntimeException e) {
            database.close();
            RuntimeLayer.deleteTree(directory);
            throw e;
        }
        return new TrainingDatabase(database, directory);
    }

    /** The database as an RDS secret's JSON, as Secrets Manager would hold it. */
    String secretJson() {
        URI uri = URI.create(database.config().url().substring("jdbc:".length()));
        String name = uri.getPath().substring(1);
        return "{\"username\":\"" + database.config().user() + "\",\"password\":\""
                + database.config().password()
                + "\",\"host\":\"" + uri.getHost() + "\",\"port\":" + uri.getPort() + ",\"dbname\":\"" + name
                + "\",\"engine\":\"postgres\"}";
    }

    @Override
    public void close() throws IOException {
        database.close();
        RuntimeLayer.deleteTree(directory);
    }
}
