package dev.slipway.examples.blog.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route and every error of the blog API, on PostgreSQL and MySQL, through the real handler. */
class BlogApiIT {

    private TestDatabase db;

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    static LambdaDatabase migrated(TestDatabase db) {
        dev.slipway.examples.blog.BlogSchema.migrate(db);
        DatabaseTarget credentials = DatabaseTarget.of(db.url(), db.user(), db.password());
        return new LambdaDatabase(new CredentialsProvider(() -> credentials));
    }

    /** A container's database on a database already migrated. */
    static LambdaDatabase migratedAlready(TestDatabase db) {
        DatabaseTarget credentials = DatabaseTarget.of(db.url(), db.user(), db.password());
        return new LambdaDatabase(new CredentialsProvider(() -> credentials));
    }

    private Api api(TestServer server) {
        db = server.createDatabase();
        return new Api(new BlogApi(migrated(db)));
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) db.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void authors_createGetList_withPagination(TestServer server) {
        Api api = api(server);

        Api.Reply created = api.call("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.headers()).containsEntry("Location", "/authors/" + id);
        assertThat(created.json().get("createdAt").asText()).isNotBlank();

        Api.Reply fetched = api.call("GET", "/authors/" + id, null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("email").asText()).isEqualTo("ada@example.com");

        api.call("POST", "/authors", "{\"email\":\"bob@example.com\",\"name\":\"Bob\"}");
        api.call("POST", "/authors", "{\"email\":\"cy@example.com\",\"name\":\"Cy\"}");
        Api.Reply first = api.call("GET", "/authors?limit=2", null);
        assertThat(first.json().get("items"))
                .extracting(n -> n.get("name").asText())
                .containsExactly("Cy", "Bob");
        String cursor = first.json().get("nextCursor").asText();
        Api.Reply second = api.call("GET", "/authors?limit=2&cursor=" + cursor, null);
        assertThat(second.json().get("items"))
                .extracting(n -> n.get("name").asText())
                .containsExactly("Ada");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void authors_rejectBadInput_withTheRightStatusAndAClearMessage(TestServer server) {
        Api api = api(server);
        api.call("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");

        Api.Reply duplicate = api.call("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada 2\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("conflict");
        assertThat(duplicate.json().get("message").asText()).contains("ada@example.com");

        Api.Reply invalid = api.call("POST", "/authors", "{\"email\":\"not-an-email\",\"name\":\"\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("error").asText()).isEqualTo("validation_failed");
        assertThat(invalid.json().get("details"))
                .extracting(n -> n.asText())
                .anyMatch(d -> d.startsWith("email:"))
                .anyMatch(d -> d.startsWith("name:"));

        assertThat(api.call("POST", "/authors", "{\"email\":\"x@example.com\"", "application/json")
                        .status())
                .isEqualTo(400);
        Api.Reply unknownField =
                api.call("POST", "/authors", "{\"email\":\"x@example.com\",\"name\":\"X\",\"admin\":true}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asText()).contains("Unknown field 'admin'");
        Api.Reply notJson = api.call("POST", "/authors", "email=x@example.com", "application/x-www-form-urlencoded");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.json().get("message").asText()).contains("Content-Type: application/json");

        assertThat(api.call("GET", "/authors/999999", null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/authors/abc", null).status()).isEqualTo(404);
        Api.Reply badLimit = api.call("GET", "/authors?limit=1000", null);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("message").asText()).contains("'limit'").contains("1 to 100");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void posts_createPublishFilterDelete(TestServer server) {
        Api api = api(server);
        long ada = api.call("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}")
                .json()
                .get("id")
                .asLong();
        long bob = api.call("POST", "/authors", "{\"email\":\"bob@example.com\",\"name\":\"Bob\"}")
                .json()
                .get("id")
                .asLong();

        Api.Reply draft = api.call("POST", "/posts", "{\"authorId\":" + ada + ",\"title\":\"Draft\",\"body\":\"...\"}");
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("published").asBoolean()).isFalse();
        long draftId = draft.json().get("id").asLong();
        long hello = api.call("POST", "/posts", "{\"authorId\":" + ada + ",\"title\":\"Hello\",\"published\":true}")
                .json()
                .get("id")
                .asLong();
        api.call("POST", "/posts", "{\"authorId\":" + bob + ",\"title\":\"Bob's\",\"published\":true}");

        assertThat(api.call("GET", "/posts/" + hello, null).json().get("title").asText())
                .isEqualTo("Hello");
        assertThat(titles(api.call("GET", "/posts?author=" + ada, null))).containsExactly("Hello", "Draft");
        assertThat(titles(api.call("GET", "/posts?published=true", null))).containsExactly("Bob's", "Hello");
        assertThat(titles(api.call("GET", "/posts?author=" + ada + "&published=false", null)))
                .containsExactly("Draft");
        assertThat(api.call("GET", "/posts?published=maybe", null).status()).isEqualTo(400);

        Api.Reply published = api.call("POST", "/posts/" + draftId + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("published").asBoolean()).isTrue();
        assertThat(api.call("POST", "/posts/424242/publish", null).status()).isEqualTo(404);

        assertThat(api.call("DELETE", "/posts/" + draftId, null).status()).isEqualTo(204);
        assertThat(api.call("DELETE", "/posts/" + draftId, null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/posts/" + draftId, null).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void writes_needACaller_andOnlyTheAuthorsOwner_mayPostPublishOrDelete(TestServer server) {
        Api alice = api(server).as("alice");
        Api mallory = alice.as("mallory");
        Api anonymous = alice.anonymous();
        long ada = alice.call("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}")
                .json()
                .get("id")
                .asLong();
        long post = alice.call("POST", "/posts", "{\"authorId\":" + ada + ",\"title\":\"Mine\"}")
                .json()
                .get("id")
                .asLong();

        Api.Reply noToken = anonymous.call("POST", "/authors", "{\"email\":\"eve@example.com\",\"name\":\"Eve\"}");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(anonymous.call("DELETE", "/posts/" + post, null).status()).isEqualTo(401);
        assertThat(anonymous.call("GET", "/posts/" + post, null).status()).isEqualTo(200);

        Api.Reply asAda = mallory.call("POST", "/posts", "{\"authorId\":" + ada + ",\"title\":\"Not mine\"}");
        assertThat(asAda.status()).isEqualTo(403);
        assertThat(asAda.json().get("message").asText()).contains("mallory");
        assertThat(mallory.call("POST", "/posts/" + post + "/publish", null).status())
                .isEqualTo(403);
        assertThat(mallory.call("DELETE", "/posts/" + post, null).status()).isEqualTo(403);
        assertThat(mallory.call("DELETE", "/posts/424242", null).status()).isEqualTo(404);
        assertThat(alice.call("GET", "/posts/" + post, null)
                        .json()
                        .get("published")
                        .asBoolean())
                .isFalse();

        assertThat(alice.call("POST", "/posts/" + post + "/publish", null).status())
                .isEqualTo(200);
        assertThat(alice.call("DELETE", "/posts/" + post, null).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void posts_needAnExistingAuthorAndATitle(TestServer server) {
        Api api = api(server);

        Api.Reply unknownAuthor = api.call("POST", "/posts", "{\"authorId\":777,\"title\":\"Orphan\"}");
        assertThat(unknownAuthor.status()).isEqualTo(422);
        assertThat(unknownAuthor.json().get("message").asText()).contains("no author with id 777");
        Api.Reply noTitle = api.call("POST", "/posts", "{\"authorId\":1,\"title\":\"  \"}");
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.json().get("details").get(0).asText()).startsWith("title:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void unknownRoutesAndMethods_answer404And405(TestServer server) {
        Api api = api(server);

        Api.Reply unknown = api.call("GET", "/comments", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("not_found");
        Api.Reply wrongMethod = api.call("PUT", "/authors", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers()).containsEntry("Allow", "GET, POST");
        assertThat(wrongMethod.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    private static java.util.List<String> titles(Api.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("items").findValuesAsText("title");
    }
}
