package dev.slipway.cli;

import dev.slipway.local.stack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway up}: the whole stack on this machine. */
@Command(
        name = "up",
        description = "Run the stack locally: database, migration function (as a CloudFormation custom resource),"
                + " then the HTTP API of the routes file on http://127.0.0.1:3000. Ctrl-C stops it.")
class UpCommand extends ProjectCommand {

    @Option(names = "--port", description = "Port of the local API (default: 3000; 0 picks a free one).")
    int port = 3000;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Address the local API listens on (default: 127.0.0.1, this machine only; 0.0.0.0 in a"
                    + " container, where the routes file's auth= options are all that guard it).")
    String bind = "127.0.0.1";

    @Option(names = "--fresh", description = "Start with an empty embedded database (deletes its data directory).")
    boolean fresh;

    @Option(
            names = "--via-data-api",
            description = "The API functions reach the database only through the data proxy, with the Slipway JDBC"
                    + " driver over the RDS Data API (their artifact with $${engine} = data-api, e.g."
                    + " blog-api-data-api.zip), as they would through Aurora's Data API on AWS.")
    boolean viaDataApi;

    @Option(
            names = "--migrations-as-task",
            description = "Run the migrations as SlipwayMigrations in task mode does on AWS: the CDK Provider's"
                    + " onEvent starts the migration task (here a child JVM, MigrationTask from the migration zip)"
                    + " and isComplete polls it until it exits; no Lambda timeout bounds it.")
    boolean migrationsAsTask;

    @Option(
            names = "--project",
            paramLabel = "DIR",
            description = "Project with slipway.properties (default: see README).")
    String projectDir;

    @Override
    int run() throws Exception {
        Path dir = LocalProject.resolve(context, projectDir);
        project.context = new CliContext(context.env(), dir, context.out(), context.err());
        if (fresh && !project.hasDatabaseUrl()) deleteDevData(dir);
        CountDownLatch stopped = new CountDownLatch(1);
        ProjectOptions.Database db = project.openDatabase();
        LocalStack stack;
        try {
            stack = LocalStack.start(
                    LocalProject.options(project, dir, db.config(), bind, port, viaDataApi, migrationsAsTask),
                    context.out(),
                    context::progress);
        } catch (Exception e) {
            db.close();
            throw e;
        }
        Thread hook = new Thread(
                () -> {
                    context.progress("Stopping");
                    stack.close();
                    db.close();
                    stopped.countDown();
                },
                "slipway-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printWelcome(stack, db, dir);
        stopped.await();
        return ExitCodes.OK;
    }

    private void printWelcome(LocalStack stack, ProjectOptions.Database db, Path dir) {
        String url = "http://" + (bind.equals("0.0.0.0") ? "127.0.0.1" : bind) + ":" + stack.port();
        var out = context.out();
        out.println();
        out.println("Slipway is up: " + url);
        out.println("  database:   " + db.config()
                + (db.embedded() != null
                        ? " (embedded; data kept in " + dir.resolve(".slipway") + ", --fresh starts empty)"
                        : ""));
        out.println("  " + stack.migrationSummary());
        out.println("  data proxy: " + stack.dataApiEndpoint() + " (RDS Data API, any ARN; header x-api-key: "
                + stack.dataApiKey() + ", or SigV4 with the keys below)");
        out.println("    AWS_ACCESS_KEY_ID=" + LocalStack.LOCAL_ACCESS_KEY_ID + " AWS_SECRET_ACCESS_KEY="
                + stack.dataApiSecret() + " aws rds-data execute-statement --region us-east-1 --endpoint-url "
                + stack.dataApiEndpoint() + " --resource-arn arn:aws:rds:us-east-1:000000000000:cluster:local"
                + " --secret-arn arn:aws:secretsmanager:us-east-1:000000000000:secret:local --sql 'select 1'");
        out.println("Try:");
        project.settings().asMap().entrySet().stream()
                .filter(e ->
                        dev.slipway.core.Setting.forKey(e.getKey()).orElse(null) == dev.slipway.core.Setting.UP_TRY)
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.println("  " + e.getValue().replace("${url}", url)));
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    private void deleteDevData(Path dir) throws IOException {
        Path data = dir.resolve(project.settings().get(dev.slipway.core.Setting.DEV_DATA_DIR));
        if (!Files.isDirectory(data)) return;
        context.progress("--fresh: deleting " + data);
        dev.slipway.core.FileTrees.delete(data);
    }
}
