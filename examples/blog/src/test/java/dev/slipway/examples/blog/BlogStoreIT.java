package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.examples.blog.db.tables.records.AuthorRecord;
import dev.slipway.examples.blog.db.tables.records.PostRecord;
import dev.slipway.migrate.CheckResult;
import dev.slipway.migrate.DatabaseConfig;
import dev.slipway.migrate.MigrationsLocation;
import dev.slipway.migrate.Migrator;
import dev.slipway.migrate.SchemaCheck;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed migrations and the generated jOOQ client, together, on both engines. */
class BlogStoreIT {

    static final Path EXAMPLE = Path.of("").toAbsolutePath();

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theGeneratedClient_readsAndWritesThroughTheCommittedMigrations(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase()) {
            DatabaseConfig config = DatabaseConfig.builder()
                    .url(db.url())
                    .user(db.user())
                    .password(db.password())
                    .build();
            new Migrator(config, MigrationsLocation.directory(EXAMPLE.resolve("migrations")), s -> {}).deploy();

            try (Connection c = db.connect()) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theCommittedMigrations_yieldSchemaSql(TestServer server) {
        try (TestDatabase db = server.createDatabase()) {
            DatabaseConfig config = DatabaseConfig.builder()
                    .url(db.url())
                    .user(db.user())
                    .password(db.password())
                    .build();

            CheckResult check = new SchemaCheck(EXAMPLE.resolve("schema.sql"), EXAMPLE.resolve("migrations"))
                    .onDatabase(config, s -> {});

            assertThat(check.differences()).isEmpty();
        }
    }
}
