package dev.slipway.examples.blog.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input never yields a 500: generated requests to every route of the routes file (and to paths and methods it
 * does not have) through {@code handleRequest} on a real database, PostgreSQL and MySQL in turn: wrong JSON types,
 * missing and extra fields, huge and negative numbers, strings at and past each limit, NUL and other control
 * characters, lone surrogates, invalid base64 bodies, long paths, wrong methods and content types. Every answer
 * must be a 2xx, or a 4xx with the JSON error shape; afterwards the database holds exactly the authors and posts
 * that were answered 201 (less those answered 204 to a delete).
 *
 * <p>Bounded here ({@code jqwik.tries.default} from junit-platform.properties); a longer run: {@code ./mvnw -pl
 * examples/blog verify -Dit.test=BlogApiNo500PropertyIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Djqwik.tries.default=10000}.
 */
public class BlogApiNo500PropertyIT {

    private static final List<String> ENGINES = List.of("postgresql", "mysql");
    private static final Map<String, TestDatabase> DATABASES = new java.util.HashMap<>();
    private static final Map<String, Api> APIS = new java.util.HashMap<>();
    private static final Map<String, AtomicInteger> AUTHORS = new java.util.HashMap<>();
    private static final Map<String, AtomicInteger> POSTS = new java.util.HashMap<>();

    public record Request(String engine, String method, String path, String body, String contentType, boolean base64) {}

    @BeforeContainer
    static void databases() {
        for (String engine : ENGINES) {
            TestDatabase db =
                    (engine.equals("postgresql") ? TestServers.postgres() : TestServers.mysql()).createDatabase();
            DATABASES.put(engine, db);
            APIS.put(engine, new Api(new BlogApi(BlogApiIT.migrated(db))));
            AUTHORS.put(engine, new AtomicInteger());
            POSTS.put(engine, new AtomicInteger());
            // a few rows for the generated ids to find
            Api api = APIS.get(engine);
            for (int i = 1; i <= 3; i++) {
                Api.Reply author = api.call(
                        "POST", "/authors", "{\"email\":\"seed" + i + "@example.com\",\"name\":\"Seed " + i + "\"}");
                assertThat(author.status()).isEqualTo(201);
                AUTHORS.get(engine).incrementAndGet();
                Api.Reply post =
                        api.call("POST", "/posts", "{\"authorId\":" + i + ",\"title\":\"T" + i + "\",\"body\":\"b\"}");
                assertThat(post.status()).isEqualTo(201);
                POSTS.get(engine).incrementAndGet();
            }
        }
    }

    @AfterContainer
    static void theDatabaseHoldsWhatWasAcknowledged() throws Exception {
        try {
            for (String engine : ENGINES) {
                try (Connection c = DATABASES.get(engine).connect()) {
                    assertThat(count(c, "author"))
                            .as(engine + " authors")
                            .isEqualTo(AUTHORS.get(engine).get());
                    assertThat(count(c, "post"))
                            .as(engine + " posts")
                            .isEqualTo(POSTS.get(engine).get());
                }
            }
        } finally {
            DATABASES.values().forEach(TestDatabase::close);
        }
    }

    @Property
    void everyAnswer_isA2xxOrA4xxWithTheErrorShape(@ForAll("requests") Request request) {
        Api api = APIS.get(request.engine());
        Api.Reply reply = request.base64()
                ? api.callBase64(request.method(), request.path(), request.body(), request.contentType())
                : api.call(request.method(), request.path(), request.body(), request.contentType());
        assertThat(reply.status())
                .as(
                        "%s %s %s %s -> %s; log: %s",
                        request.engine(),
                        request.method(),
                        request.path(),
                        request.body(),
                        reply.raw(),
                        reply.status() >= 500 ? lastLogLines(api) : "")
                .isBetween(200, 499);
        if (reply.status() >= 400) {
            assertThat(reply.json()).as(reply.raw()).isNotNull();
            assertThat(reply.json().path("error").isTextual()).as(reply.raw()).isTrue();
            assertThat(reply.json().path("message").isTextual()).as(reply.raw()).isTrue();
        }
        // the route, as the handler matches it: without the query, without a trailing slash
        String route = request.path().replaceFirst("\\?.*$", "").replaceFirst("(.)/$", "$1");
        if (reply.status() == 201 && route.equals("/authors"))
            AUTHORS.get(request.engine()).incrementAndGet();
        if (reply.status() == 201 && route.equals("/posts"))
            POSTS.get(request.engine()).incrementAndGet();
        if (reply.status() == 204 && request.method().equals("DELETE"))
            POSTS.get(request.engine()).decrementAndGet();
    }

    @Provide
    Arbitrary<Request> requests() {
        return requestsTo(ENGINES);
    }

    /** Generated requests, each for one of {@code engines}. */
    public static Arbitrary<Request> requestsTo(List<String> engines) {
        Arbitrary<String> engine = Arbitraries.of(engines);
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("GET", "POST", "DELETE")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("PUT", "PATCH", "HEAD", "OPTIONS", "get", "")));
        Arbitrary<String> contentType = Arbitraries.of(
                "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", null, "");
        Arbitrary<Request> anything = Combinators.combine(
                        engine, method, path(), body(), contentType, Arbitraries.of(false, false, false, true))
                .as(Request::new);
        // near-valid creates: every field right but one, which is perturbed (what reaches the database)
        Arbitrary<Request> authors = Combinators.combine(engine, email(), text())
                .as((e, email, name) -> new Request(
                        e,
                        "POST",
                        "/authors",
                        "{\"email\":" + email + ",\"name\":" + jsonString(name) + "}",
                        "application/json",
                        false));
        Arbitrary<Request> posts = Combinators.combine(
                        engine,
                        Arbitraries.oneOf(
                                Arbitraries.integers().between(0, 5).map(String::valueOf),
                                Arbitraries.of("-1", "9223372036854775807", "1e3", "\"2\"", "null")),
                        text(),
                        text(),
                        Arbitraries.of("true", "false", "null", "1", "\"yes\""))
                .as((e, author, title, body, published) -> new Request(
                        e,
                        "POST",
                        "/posts",
                        "{\"authorId\":" + author + ",\"title\":" + jsonString(title) + ",\"body\":" + jsonString(body)
                                + ",\"published\":" + published + "}",
                        "application/json",
                        false));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, anything),
                net.jqwik.api.Tuple.of(3, authors),
                net.jqwik.api.Tuple.of(3, posts));
    }

    private static Arbitrary<String> path() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 12).map(String::valueOf),
                Arbitraries.of(
                        "0",
                        "-1",
                        "9223372036854775807",
                        "9223372036854775808",
                        "99999999999999999999",
                        "1.5",
                        "1e3",
                        "abc",
                        "%00",
                        "%F0%9F%98%80",
                        "",
                        " 1",
                        "0x10"),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(
                                Arbitraries.of("limit", "cursor", "author", "published", "x", ""),
                                Arbitraries.oneOf(
                                        id,
                                        Arbitraries.of("true", "false", "yes", "-5", "101", "100000000000"),
                                        Arbitraries.strings().ascii().ofMaxLength(40)))
                        .as((k, v) -> "?" + k + "=" + v));
        Arbitrary<String> known = Combinators.combine(
                        Arbitraries.of(
                                "/authors",
                                "/authors/{id}",
                                "/posts",
                                "/posts/{id}",
                                "/posts/{id}/publish",
                                "/nowhere",
                                "/authors/{id}/extra",
                                "/",
                                "/posts/"),
                        id,
                        query)
                .as((template, value, q) ->
                        template.replace("{id}", value.replace("/", "%2F").replace("?", "%3F")) + q);
        return Arbitraries.oneOf(known, Arbitraries.just("/authors/" + "9".repeat(5000)));
    }

    /** Strings at and past the schema's limits, with control characters, NUL and lone surrogates. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(5),
                Arbitraries.of(
                        "a\u0000b",
                        "\ud800",
                        "x\udfff",
                        "é",
                        "😀",
                        "",
                        " ",
                        "a".repeat(200),
                        "a".repeat(201),
                        "😀".repeat(200),
                        "a".repeat(70_000)));
    }

    /** Emails, valid ones (some already taken) and not. */
    private static Arbitrary<String> email() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> jsonString(s + "@example.com")),
                Arbitraries.of(
                                "seed1@example.com",
                                "a\u0000b@example.com",
                                "x@y",
                                "@",
                                "a@b.c",
                                "é@é.fr",
                                "a".repeat(310) + "@example.com",
                                "a".repeat(320) + "@example.com")
                        .map(BlogApiNo500PropertyIT::jsonString),
                Arbitraries.of("null", "1", "[]", "{}", "true"));
    }

    private static Arbitrary<String> body() {
        Arbitrary<String> text = Arbitraries.oneOf(
                text(),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> s + "@example.com"));
        Arbitrary<String> value = Arbitraries.oneOf(
                text.map(BlogApiNo500PropertyIT::jsonString),
                Arbitraries.of(
                        "null",
                        "true",
                        "0",
                        "-1",
                        "1",
                        "2",
                        "1.5",
                        "1e400",
                        "-9223372036854775809",
                        "99999999999999999999999",
                        "[]",
                        "{}",
                        "[1,2]",
                        "\"1\""));
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.subsetOf("email", "name", "authorId", "title", "body", "published", "extra"),
                        value.list().ofSize(7))
                .as((keys, values) -> {
                    List<String> members = new ArrayList<>();
                    int i = 0;
                    for (String k : keys) members.add("\"" + k + "\":" + values.get(i++));
                    return "{" + String.join(",", members) + "}";
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, object),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                null,
                                "",
                                "{",
                                "[]",
                                "null",
                                "\"x\"",
                                "{\"email\":}",
                                "{\"a\":1}{\"b\":2}",
                                "\u0000",
                                "{\"email\":\"a@b.c\",\"name\":\"x\"}".repeat(3))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(60)));
    }

    private static String lastLogLines(Api api) {
        List<String> logs = api.context.logs();
        return String.join("\n", logs.subList(Math.max(0, logs.size() - 3), logs.size()));
    }

    /** JSON text for any Java string, lone surrogates included (escaped as \\uXXXX, as a client may send). */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    private static long count(Connection c, String table) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
