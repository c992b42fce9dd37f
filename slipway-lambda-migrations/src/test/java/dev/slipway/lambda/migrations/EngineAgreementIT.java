package dev.slipway.lambda.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestLambdaContext;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The CLI (settings -> {@link DatabaseTarget}), the migration function and an application function
 * ({@link LambdaDatabase}) read the same database the same way: an RDS secret with any engine name RDS writes, and
 * a {@code jdbc:mysql:} URL, which the shipped MariaDB driver serves only when told it may.
 */
class EngineAgreementIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "aurora-postgresql", "mysql", "mariadb", "aurora-mysql", "aurora"})
    void anRdsSecret_givesTheSameUrlAndEngine_toTheMigrationsAndToApplicationFunctions(String engine) {
        String secret = "{\"username\":\"app\",\"password\":\"pw\",\"host\":\"db.internal\",\"engine\":\"" + engine
                + "\",\"dbname\":\"blog\"}";
        DatabaseTarget migrations = DatabaseTarget.fromRdsSecret(secret);
        DatabaseTarget application =
                DatabaseTarget.fromRdsSecret(secret, null, null, dev.slipway.core.DatabaseTls.auto());
        assertThat(application.url()).isEqualTo(migrations.url());
        assertThat(application.engine()).isEqualTo(migrations.engine()).isEqualTo(Engine.parse(engine));
    }

    @Test
    void aJdbcMysqlUrl_works_inTheCli_theMigrationFunction_andAnApplicationFunction() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            String url = db.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            assertThat(url).startsWith("jdbc:mysql:");
            Path migrations = migrations();

            // the CLI's path: settings -> DatabaseTarget -> Migrator
            DatabaseTarget cli = DatabaseTarget.fromSettings(
                    Map.of("slipway.url", url, "slipway.user", db.user(), "slipway.password", db.password()));
            assertThat(new Migrator(cli, MigrationsLocation.directory(migrations), line -> {})
                            .status()
                            .pending())
                    .hasSize(1);

            // the migration function, configured by its environment
            Map<String, String> env = new HashMap<>();
            env.put("SLIPWAY_URL", url);
            env.put("SLIPWAY_USER", db.user());
            env.put("SLIPWAY_PASSWORD", db.password());
            env.put("SLIPWAY_MIGRATIONS", "filesystem:" + migrations);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new MigrationFunction(env, UrlConnectionHttpClient.create())
                    .handleRequest(
                            new ByteArrayInputStream("{\"command\":\"deploy\"}".getBytes()),
                            out,
                            new TestLambdaContext(60_000));
            JsonNode deployed = MigrationFunction.JSON.readTree(out.toByteArray());
            assertThat(deployed.get("CurrentVersion").asText()).isEqualTo("1");

            // an application function, configured by the same environment
            try (LambdaDatabase app = new LambdaDatabase(CredentialsProvider.fromEnvironment(env, arn -> {
                        throw new AssertionError("no secret is configured");
                    }));
                    ResultSet rs = app.connection().createStatement().executeQuery("select count(*) from author")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
                assertThat(app.dialect().name()).isEqualTo("MYSQL");
            }
        }
    }

    private Path migrations() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/blog-v1.sql")) {
            Files.copy(in, dir.resolve("schema.sql"));
        }
        MigrationGenerator generator = new MigrationGenerator(dir.resolve("schema.sql"), dir.resolve("migrations"));
        generator.write(generator.plan("init").orElseThrow());
        return dir.resolve("migrations");
    }
}
