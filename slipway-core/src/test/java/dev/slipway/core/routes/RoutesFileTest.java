package dev.slipway.core.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesFileTest {

    @Test
    void parse_readsRoutes_andMatchesPathParameters() {
        List<Route> routes = RoutesFile.parse(
                "routes",
                "# comment\nGET /authors/{id}  api getAuthor\n\npost /posts/{id}/publish api publishPost # x\n");

        assertThat(routes).extracting(Route::routeKey).containsExactly("GET /authors/{id}", "POST /posts/{id}/publish");
        assertThat(routes.get(0).match("/authors/42")).contains(Map.of("id", "42"));
        assertThat(routes.get(0).match("/authors/42/")).contains(Map.of("id", "42"));
        assertThat(routes.get(0).match("/authors")).isEmpty();
        assertThat(routes.get(1).match("/posts/7/publish")).contains(Map.of("id", "7"));
    }

    @Test
    void parse_pointsAtTheLine_ofAMalformedRoute() {
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api op\nFETCH /b api op2\n"))
                .hasMessageStartingWith("routes:2: unknown method 'FETCH'");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api\n"))
                .hasMessageContaining("routes:1: expected 'METHOD PATH FUNCTION OPERATION'");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api x\nGET /a api y\n"))
                .hasMessageContaining("routes:2: route GET /a is declared twice");
    }
}
