package dev.slipway.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.core.routes.RoutesFile;
import dev.slipway.testing.TestLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A route's {@code auth=} as the function applies it to API Gateway's event (payload 2.0, {@code requestContext
 * .authorizer} as https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * shows it): the caller reaches the operation; an event without the caller its route requires is 401, a token
 * without a scope the route names 403.
 */
class RouteAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpApiHandler handler = new HttpApiHandler(
            "api",
            RoutesFile.parse("routes", """
                    default auth=jwt
                    GET    /posts       api list   auth=none
                    POST   /posts       api create
                    DELETE /posts/{id}  api delete scopes=admin,posts:delete
                    POST   /admin       api admin  auth=iam
                    """),
            Map.of(
                    "list",
                            r -> HttpResponse.ok(Map.of(
                                    "caller",
                                    r.caller() == null ? "none" : r.caller().subject())),
                    "create",
                            r -> HttpResponse.ok(
                                    Map.of("caller", r.requireCaller().subject())),
                    "delete",
                            r -> HttpResponse.ok(Map.of(
                                    "scopes",
                                    r.requireScope("posts:delete").scopes().size())),
                    "admin",
                            r -> HttpResponse.ok(
                                    Map.of("principal", r.requireCaller().iamPrincipal())))) {};

    private static final String JWT_AUTHORIZER = """
            "authorizer":{"jwt":{"claims":{"sub":"alice","iss":"https://issuer.example.com/","aud":"blog",
              "scope":"posts:write posts:delete"},"scopes":null}}""";

    private static final String IAM_AUTHORIZER = """
            "authorizer":{"iam":{"accessKey":"AKIAIOSFODNN7EXAMPLE","accountId":"111122223333",
              "callerId":"AIDACKCEVSQ6C2EXAMPLE","cognitoIdentity":null,"principalOrgId":null,
              "userArn":"arn:aws:iam::111122223333:user/alice","userId":"AIDACKCEVSQ6C2EXAMPLE"}}""";

    @Test
    void anOpenRoute_servesAnyone_withoutACaller() throws Exception {
        JsonNode answer = call("GET", "/posts", null);

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.get("body").asText()).contains("\"caller\":\"none\"");
    }

    @Test
    void aJwtRoute_givesTheOperationTheTokensSubject() throws Exception {
        JsonNode answer = call("POST", "/posts", JWT_AUTHORIZER);

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.get("body").asText()).contains("\"caller\":\"alice\"");
    }

    @Test
    void aTokenWithoutASubject_isNoCaller_401_andAMachineTokenIsItsClient() throws Exception {
        JsonNode noSubject = call("POST", "/posts", JWT_AUTHORIZER.replace("\"sub\":\"alice\",", ""));
        assertThat(noSubject.get("statusCode").asInt()).isEqualTo(401);
        assertThat(noSubject.get("body").asText()).contains("names no subject");

        JsonNode machine = call(
                "POST", "/posts", JWT_AUTHORIZER.replace("\"sub\":\"alice\",", "\"client_id\":\"reporting-job\","));
        assertThat(machine.get("body").asText()).contains("\"caller\":\"reporting-job\"");
    }

    @Test
    void aJwtRoute_reachedWithoutAToken_is401() throws Exception {
        JsonNode answer = call("POST", "/posts", null);

        assertThat(answer.get("statusCode").asInt()).isEqualTo(401);
        assertThat(answer.get("body").asText())
                .contains("\"error\":\"unauthorized\"")
                .contains("Bearer");
    }

    @Test
    void aScopedRoute_servesATokenWithTheScope_andRefusesOneWithout_403() throws Exception {
        assertThat(call("DELETE", "/posts/1", JWT_AUTHORIZER).get("statusCode").asInt())
                .isEqualTo(200);

        JsonNode without = call("DELETE", "/posts/1", JWT_AUTHORIZER.replace(" posts:delete", ""));
        assertThat(without.get("statusCode").asInt()).isEqualTo(403);
        assertThat(without.get("body").asText()).contains("posts:delete");
    }

    @Test
    void anIamRoute_givesTheOperationThePrincipal_andRefusesAJwt() throws Exception {
        JsonNode signed = call("POST", "/admin", IAM_AUTHORIZER);
        assertThat(signed.get("statusCode").asInt()).isEqualTo(200);
        assertThat(signed.get("body").asText()).contains("arn:aws:iam::111122223333:user/alice");

        assertThat(call("POST", "/admin", JWT_AUTHORIZER).get("statusCode").asInt())
                .isEqualTo(401);
    }

    private JsonNode call(String method, String path, String authorizer) throws Exception {
        String event = """
                {"version":"2.0","routeKey":"%s %s","rawPath":"%s","headers":{},
                 "requestContext":{"http":{"method":"%s","path":"%s"},"requestId":"r-1"%s},
                 "isBase64Encoded":false}
                """.formatted(method, path, path, method, path, authorizer == null ? "" : "," + authorizer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestLambdaContext(10_000));
        return JSON.readTree(out.toByteArray());
    }
}
