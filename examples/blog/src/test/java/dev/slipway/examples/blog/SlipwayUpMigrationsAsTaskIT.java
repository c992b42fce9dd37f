package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * {@code slipway up --migrations-as-task}: the blog's migrations run the way {@code SlipwayMigrations} in task mode
 * runs them on AWS (the Provider's onEvent starts the task, here a child JVM from the migration zip; isComplete
 * polls it until it exits), and the API serves afterwards.
 */
class SlipwayUpMigrationsAsTaskIT {

    @Test
    void theMigrationsRunAsATask_thenTheApiServes() throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                SlipwayUpProcess up = SlipwayUpProcess.start(
                        "--migrations-as-task", "--url", db.url(), "--user", db.user(), "--password", db.password())) {
            String url = up.awaitUrl();

            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/authors"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + SlipwayUpProcess.token("it"))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"email\":\"task@example.com\",\"name\":\"Task\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(String.join("\n", up.output()))
                    .contains("Starting the migration task")
                    .contains("Migrations: applied by the migration task");
            try (Connection c = db.connect();
                    ResultSet rs = c.createStatement()
                            .executeQuery("select count(*) from flyway_schema_history where success")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }
}
