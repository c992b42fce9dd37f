package dev.slipway.cli;

import dev.slipway.core.Setting;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway data-api ...}. */
@Command(
        name = "data-api",
        description = "The data proxy (RDS Data API over pooled connections).",
        subcommands = {DataApiCommand.Serve.class})
class DataApiCommand {

    @Command(
            name = "serve",
            description = "Serve the RDS Data API for the database of --url (every ARN maps to it; a request's"
                    + " database selects one on that server) until Ctrl-C.")
    static class Serve extends ProjectCommand {

        @Option(names = "--port", description = "Port (default: 8080; 0 picks a free one).")
        String port;

        @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1).")
        String bind;

        @Option(
                names = "--access-key",
                paramLabel = "ID:SECRET",
                description = "A SigV4 key pair clients sign with (repeatable).")
        List<String> accessKeys = List.of();

        @Option(
                names = "--api-key",
                paramLabel = "KEY",
                description = "A key accepted in x-api-key or Authorization: Bearer (repeatable).")
        List<String> apiKeys = List.of();

        @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain.")
        String tlsCert;

        @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's PKCS#8 key.")
        String tlsKey;

        @Option(names = "--tls-self-signed", description = "Serve HTTPS with a new self-signed certificate.")
        boolean tlsSelfSigned;

        @Option(
                names = "--database",
                paramLabel = "NAME",
                description = "Another database of the --url server that requests may name (repeatable).")
        List<String> databases = List.of();

        @Option(names = "--region", description = "The region SigV4 signatures must be scoped to.")
        String region;

        @Override
        int run() throws Exception {
            Map<String, String> settings =
                    new java.util.HashMap<>(project.settings().asMap());
            if (port != null) settings.put(Setting.DATA_API_PORT.key(), port);
            if (bind != null) settings.put(Setting.DATA_API_BIND.key(), bind);
            if (!accessKeys.isEmpty()) settings.put(Setting.DATA_API_ACCESS_KEYS.key(), String.join(",", accessKeys));
            if (!apiKeys.isEmpty()) settings.put(Setting.DATA_API_API_KEYS.key(), String.join(",", apiKeys));
            if (tlsCert != null) settings.put(Setting.DATA_API_TLS_CERT.key(), tlsCert);
            if (tlsKey != null) settings.put(Setting.DATA_API_TLS_KEY.key(), tlsKey);
            if (!databases.isEmpty()) settings.put(Setting.DATA_API_DATABASES.key(), String.join(",", databases));
            if (region != null) settings.put(Setting.DATA_API_REGION.key(), region);
            if (tlsSelfSigned) settings.put(Setting.DATA_API_TLS_SELF_SIGNED.key(), "true");
            // without --url or targets: the project's development database, as migrate dev and up use it
            boolean configured = project.hasDatabaseUrl() || DataApiConfig.configuresTargets(settings);
            try (ProjectOptions.Database dev = configured ? null : project.openDatabase()) {
                if (dev != null) {
                    settings.put(Setting.URL.key(), dev.config().url());
                    settings.put(Setting.USER.key(), dev.config().user());
                    settings.put(Setting.PASSWORD.key(), dev.config().password());
                }
                serve(DataApiConfig.fromSettings(settings), dev != null);
            }
            return ExitCodes.OK;
        }

        private void serve(DataApiConfig config, boolean devDatabase) throws Exception {
            try (DataApiServer server = DataApiServer.start(config)) {
                context.out().println("Data API: " + server.endpoint());
                if (devDatabase) context.out().println("  database: the embedded development PostgreSQL");
                context.out()
                        .println("  aws rds-data execute-statement --region us-east-1 --endpoint-url "
                                + server.endpoint()
                                + " --resource-arn arn:aws:rds:us-east-1:123456789012:cluster:local"
                                + " --secret-arn arn:aws:secretsmanager:us-east-1:123456789012:secret:local"
                                + " --sql 'select 1'");
                if (!config.authenticationRequired()) {
                    context.out()
                            .println("  no --access-key or --api-key: any caller on " + config.bindAddress()
                                    + " is accepted");
                }
                context.out().flush();
                CountDownLatch stopped = new CountDownLatch(1);
                Thread hook = new Thread(stopped::countDown);
                Runtime.getRuntime().addShutdownHook(hook);
                stopped.await();
            }
        }
    }
}
