package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.examples.blog.db.tables.records.AuthorRecord;
import dev.slipway.examples.blog.db.tables.records.PostRecord;
import dev.slipway.migrate.CheckResult;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.migrate.SchemaCheck;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed migrations and the generated jOOQ client, together, on both engines: once with the engine's own
 * driver, once through the Slipway JDBC driver over the RDS Data API and the Slipway proxy (Flyway's deploy and
 * status, Slipway's check, jOOQ's reads and writes all over HTTP).
 */
class BlogStoreIT {

    static final Path EXAMPLE = Path.of("").toAbsolutePath();

    enum Way {
        DIRECT,
        DATA_API
    }

    static Stream<Arguments> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql())
                .flatMap(server -> Stream.of(Arguments.of(server, Way.DIRECT), Arguments.of(server, Way.DATA_API)));
    }

    /** The database either directly, or behind a Slipway proxy of its own and the Data API driver's URL. */
    private record Target(DatabaseTarget config, DataApiServer proxy) implements AutoCloseable {

        static Target of(TestDatabase db, Way way) throws Exception {
            if (way == Way.DIRECT) {
                return new Target(
                        DatabaseTarget.builder()
                                .url(db.url())
                                .user(db.user())
                                .password(db.password())
                                .build(),
                        null);
            }
            DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0));
            String url =
                    "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name() + "?engine=" + db.engine();
            return new Target(DatabaseTarget.builder().url(url).build(), proxy);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(config.url(), config.user(), config.password());
        }

        @Override
        public void close() {
            if (proxy != null) proxy.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("servers")
    void theGeneratedClient_readsAndWritesThroughTheCommittedMigrations(TestServer server, Way way) throws Exception {
        try (TestDatabase db = server.createDatabase();
                Target target = Target.of(db, way)) {
            DatabaseTarget config = target.config();
            Migrator migrator =
                    new Migrator(config, MigrationsLocation.directory(EXAMPLE.resolve("migrations")), s -> {});
            migrator.deploy();
            assertThat(migrator.status().pending()).isEmpty();
            assertThat(migrator.status().applied()).isNotEmpty();
            assertThat(migrator.deploy().applied())
                    .as("a second deploy finds nothing to do")
                    .isEmpty();

            try (Connection c = target.connect()) {
                BlogStore store = new BlogStore(
                        DSL.using(c, org.jooq.SQLDialect.valueOf(config.engine().jooqDialect())));
                AuthorRecord ada = store.createAuthor("ada@example.com", "Ada");
                PostRecord draft = store.createPost(ada.getId(), "Draft", "not yet");
                PostRecord hello = store.createPost(ada.getId(), "Hello", "world");
                assertThat(store.publish(hello.getId())).isTrue();
                assertThat(store.publish(-1)).isFalse();

                assertThat(ada.getId()).isPositive();
                assertThat(ada.getCreatedAt()).isNotNull();
                assertThat(store.findAuthorByEmail("ada@example.com"))
                        .map(AuthorRecord::getName)
                        .contains("Ada");
                assertThat(store.publishedPostsBy(ada.getId()))
                        .extracting(PostRecord::getTitle)
                        .containsExactly("Hello");
                assertThat(draft.getPublished()).isFalse();
                // the database enforces what schema.sql declares
                assertThatThrownBy(() -> store.createAuthor("ada@example.com", "Other Ada"))
                        .isInstanceOf(DataAccessException.class);
                assertThatThrownBy(() -> store.createPost(ada.getId(), "", "empty title"))
                        .isInstanceOf(DataAccessException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("servers")
    void theCommittedMigrations_yieldSchemaSql(TestServer server, Way way) throws Exception {
        try (TestDatabase db = server.createDatabase();
                Target target = Target.of(db, way)) {
            DatabaseTarget config = target.config();

            CheckResult check = new SchemaCheck(EXAMPLE.resolve("schema.sql"), EXAMPLE.resolve("migrations"))
                    .onDatabase(config, s -> {});

            assertThat(check.differences()).isEmpty();
        }
    }
}
