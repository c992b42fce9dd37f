package dev.slipway.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.routes.RoutesFile;
import dev.slipway.lambda.db.CredentialsProvider;
import dev.slipway.lambda.db.LambdaDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.Test;

class RoutePrimingTest {

    @Test
    void primeRoutes_sendsOneRequestToEachRoute_onNoDatabase_readingNoCredentials() {
        List<String> seen = new CopyOnWriteArrayList<>();
        LambdaDatabase database = new LambdaDatabase(
                new CredentialsProvider(() -> {
                    throw new AssertionError("priming must not read the credentials");
                }),
                new Settings(),
                SQLDialect.POSTGRES);
        Operation get = r -> {
            seen.add("get " + r.pathParameter("id") + " rows="
                    + database.dsl()
                            .fetch("select id from thing where id = ?", 1)
                            .size());
            return HttpResponse.ok(Map.of("id", r.pathParameter("id")));
        };
        Operation create = r -> {
            seen.add("create " + r.body());
            return HttpResponse.noContent();
        };
        HttpApiHandler handler = new HttpApiHandler(
                "api",
                RoutesFile.parse("routes", "GET /things/{id} api get\nPOST /things api create\nGET /other web x\n"),
                Map.of("get", get, "create", create)) {};

        int primed = handler.primeRoutes(database);

        assertThat(primed).isEqualTo(2);
        assertThat(seen).containsExactly("get 1 rows=0", "create {}");
        assertThat(database.connectCount()).isZero();
    }
}
