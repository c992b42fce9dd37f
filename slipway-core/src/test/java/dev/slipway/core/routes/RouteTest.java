package dev.slipway.core.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static Optional<Map<String, String>> id(String path) {
        return new Route("GET", "/authors/{id}", "api", "getAuthor").match(path);
    }

    @Test
    void pathParameters_arePercentDecodedAsUtf8_andAPlusStaysAPlus() {
        assertThat(id("/authors/42")).contains(Map.of("id", "42"));
        assertThat(id("/authors/a%2Fb")).contains(Map.of("id", "a/b"));
        assertThat(id("/authors/%C3%A9t%C3%A9")).contains(Map.of("id", "été"));
        assertThat(id("/authors/1+2")).contains(Map.of("id", "1+2"));
    }

    @Test
    void aParameterThatIsNotValidPercentEncodedUtf8_fitsNoRoute() {
        assertThat(id("/authors/%")).isEmpty();
        assertThat(id("/authors/%4")).isEmpty();
        assertThat(id("/authors/%zz")).isEmpty();
        assertThat(id("/authors/%C3%28")).isEmpty();
    }
}
