package dev.slipway.lambda.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RoutesFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiHandlerTest {

    @Test
    void handler_refusesToStart_whenRoutesAndOperationsDisagree() {
        List<Route> routes = RoutesFile.parse("routes", "GET /a api list\nPOST /a api create\n");
        Operation ok = r -> HttpResponse.noContent();

        assertThatThrownBy(() -> new HttpApiHandler("api", routes, Map.of("list", ok, "delete", ok)) {})
                .hasMessageContaining("routes name operations it lacks [create]")
                .hasMessageContaining("operations no route reaches [delete]");
    }
}
