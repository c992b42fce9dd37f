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
                .hasMessageContaining("routes:1: expected 'METHOD PATH FUNCTION OPERATION");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api x\nGET /a api y\n"))
                .hasMessageContaining("routes:2: route GET /a is declared twice");
    }

    @Test
    void eachRoute_takesItsOwnAccess_elseTheDefaultLine_elseIsOpen() {
        List<Route> routes = RoutesFile.parse(
                "routes",
                "GET /posts api listPosts auth=none\n"
                        + "POST /posts api createPost\n"
                        + "DELETE /posts/{id} api deletePost scopes=posts:write,posts:delete\n"
                        + "POST /admin api admin auth=iam\n"
                        + "default auth=jwt  # every route without auth=\n");

        assertThat(routes)
                .extracting(r -> r.access().toString())
                .containsExactly("auth=none", "auth=jwt", "auth=jwt scopes=posts:write,posts:delete", "auth=iam");
        assertThat(RoutesFile.parse("routes", "GET /a api a\n").get(0).access()).isEqualTo(RouteAccess.NONE);
    }

    @Test
    void aWrongAccessOption_isRefusedWithItsLine_andWhatIsAllowed() {
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api a\nGET /b api b auth=cognito\n"))
                .hasMessage("routes:2: auth=cognito is not one of auth=none, auth=jwt, auth=iam");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api a auth=iam scopes=x\n"))
                .hasMessageStartingWith("routes:1: scopes= needs auth=jwt");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api a role=admin\n"))
                .hasMessageStartingWith("routes:1: unknown option 'role=admin'");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "default auth=jwt\nGET /a api a\ndefault auth=none\n"))
                .hasMessageStartingWith("routes:3: a second 'default' line (the first is line 1)");
        assertThatThrownBy(() -> RoutesFile.parse("routes", "GET /a api auth=jwt\n"))
                .hasMessageStartingWith("routes:1: expected 'METHOD PATH FUNCTION OPERATION");
    }
}
