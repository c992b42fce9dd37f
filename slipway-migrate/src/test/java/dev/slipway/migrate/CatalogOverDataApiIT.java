package dev.slipway.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Engine;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.migrate.internal.DatabaseSnapshot;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.schema.SchemaDiff;
import dev.slipway.schema.SchemaReader;
import dev.slipway.schema.SqlStatements;
import dev.slipway.schema.model.Schema;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code migrate check} reads of a database (jOOQ's {@code meta()}: columns and their types, defaults,
 * identities, keys, foreign keys with their rules, checks, indexes), read once through pgjdbc and once through the
 * Slipway driver over the Data API and the proxy, on the same database: the two must be the same lines, on
 * PostgreSQL (against pgjdbc) and on MariaDB (against MariaDB Connector/J). The
 * schemas are public sample databases (Chinook, Northwind, Sakila) that nobody here wrote, as Slipway renders them.
 */
class CatalogOverDataApiIT {

    private static final Path SAMPLES = Path.of("src/test/resources/samples");

    static Stream<Arguments> samples() {
        return Stream.of(TestServers.postgres(), TestServers.mysql())
                .flatMap(server -> Stream.of("chinook", "northwind", "sakila").map(s -> Arguments.of(server, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void jooqMetaThroughTheDataApi_readsWhatItReadsThroughTheEnginesOwnDriver(TestServer server, String sample)
            throws Exception {
        Engine engine = Engine.parse(server.engine());
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy =
                        DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0))) {
            Schema schema = SchemaReader.read(SAMPLES.resolve(sample).resolve("schema.sql"));
            String script = MigrationGenerator.render(engine, SchemaDiff.between(Schema.EMPTY, schema));
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                for (SqlStatements.Statement statement : SqlStatements.split(script)) s.execute(statement.sql());
            }
            List<String> direct;
            try (Connection c = db.connect()) {
                direct = DatabaseSnapshot.of(c, engine);
            }
            List<String> viaDataApi;
            try (Connection c = DriverManager.getConnection(
                    "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name() + "?engine=" + engine.id())) {
                viaDataApi = DatabaseSnapshot.of(c, engine);
            }
            assertThat(direct).as("the sample has tables, keys and indexes").hasSizeGreaterThan(20);
            assertThat(viaDataApi).containsExactlyElementsOf(direct);
        }
    }
}
