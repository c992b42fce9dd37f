package dev.slipway.examples.blog.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.ServerSocket;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** What a caller and the logs see when things go wrong: never SQL, stack traces or secrets. */
class BlogApiFailuresIT {

    @Test
    void unexpectedDatabaseErrors_answer500_withoutSqlOrStackTrace_andLogTheRequestId() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            Api api = new Api(new BlogApi(BlogApiIT.migrated(db)));
            try (Connection c = db.connect()) {
                c.createStatement().execute("drop table post");
            }

            Api.Reply reply = api.call("GET", "/posts", null);

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().get("error").asText()).isEqualTo("internal");
            assertThat(reply.json().get("message").asText()).contains("Ab1Cd2Ef3Gh4=");
            assertThat(reply.raw())
                    .doesNotContainIgnoringCase("select")
                    .doesNotContain("post\"")
                    .doesNotContain("at dev.");
            assertThat(api.context.logs())
                    .anyMatch(l -> l.contains("\"level\":\"ERROR\"") && l.contains("\"sqlState\":\"42P01\""))
                    .anyMatch(l -> l.contains("\"requestId\":\"Ab1Cd2Ef3Gh4=\"") && l.contains("\"status\":500"));
        }
    }

    @Test
    void anUnreachableDatabase_answers503_andNoLogLineCarriesThePassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseTarget unreachable =
                DatabaseTarget.of("jdbc:postgresql://127.0.0.1:" + port + "/blog", "app", "pa55-w0rd-xyz");
        Api api = new Api(new BlogApi(new LambdaDatabase(new CredentialsProvider(() -> unreachable))));

        Api.Reply reply = api.call("GET", "/authors", null);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error").asText()).isEqualTo("unavailable");
        assertThat(reply.raw()).doesNotContain("pa55-w0rd-xyz").doesNotContain("jdbc:");
        assertThat(api.context.logs())
                .noneMatch(l -> l.contains("pa55-w0rd-xyz"))
                .anyMatch(l -> l.contains("\"kind\":\"UNREACHABLE\"") && l.contains("security group"));
    }

    @Test
    void refusedCredentials_answer500Misconfigured_notRetry_andTheLogNamesTheFixWithoutThePassword() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase()) {
            DatabaseTarget wrong = DatabaseTarget.of(db.url(), db.user() + "_nobody", "pa55-w0rd-xyz");
            Api api = new Api(new BlogApi(new LambdaDatabase(new CredentialsProvider(() -> wrong))));

            Api.Reply reply = api.call("GET", "/authors", null);

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().get("error").asText()).isEqualTo("misconfigured");
            assertThat(reply.raw()).doesNotContain("pa55-w0rd-xyz").doesNotContain("jdbc:");
            assertThat(api.context.logs())
                    .noneMatch(l -> l.contains("pa55-w0rd-xyz"))
                    .anyMatch(l -> l.contains("\"level\":\"ERROR\"")
                            && l.contains("\"kind\":\"AUTHENTICATION\"")
                            && l.contains("Check the secret's username and password")
                            && l.contains("\"requestId\":\"Ab1Cd2Ef3Gh4=\""));
        }
    }

    @Test
    void everyRequest_logsOneJsonLine_withRequestIdRouteStatusAndDuration() throws Exception {
        try (TestDatabase db = TestServers.mysql().createDatabase()) {
            Api api = new Api(new BlogApi(BlogApiIT.migrated(db)));

            api.call("POST", "/authors", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");

            assertThat(api.context.logs()).singleElement().satisfies(line -> {
                var json = Api.JSON.readTree(line);
                assertThat(json.get("requestId").asText()).isEqualTo("Ab1Cd2Ef3Gh4=");
                assertThat(json.get("route").asText()).isEqualTo("POST /authors");
                assertThat(json.get("status").asInt()).isEqualTo(201);
                assertThat(json.has("durationMs")).isTrue();
                assertThat(line).doesNotContain("ada@example.com");
            });
        }
    }
}
