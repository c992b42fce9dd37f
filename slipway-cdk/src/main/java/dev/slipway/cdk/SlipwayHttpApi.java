package dev.slipway.cdk;

import dev.slipway.cdk.internal.Nag;
import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RouteAccess;
import dev.slipway.core.routes.RoutesFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * An API Gateway HTTP API built from the same routes file {@code slipway up} serves: each route goes to the alias
 * of the function it names, authorized as the file declares it ({@code auth=jwt [scopes=...]}: the JWT authorizer of
 * a {@link SlipwayApiAuth}, with the route's authorization scopes; {@code auth=iam}: IAM; {@code auth=none}: open,
 * with the cdk-nag finding suppressed for that route only, naming the routes file). With a single function,
 * unmatched requests go to it too ({@code $default}, open), so it answers 404 and 405 as JSON, as it does locally;
 * a request it would route to an {@code auth=} route without a caller is answered 401 by the function itself. Access
 * logs go to CloudWatch Logs.
 */
public final class SlipwayHttpApi extends Construct {

    private final HttpApi api;
    private final HttpStage stage;

    /** An API whose routes are all {@code auth=none} or {@code auth=iam}. */
    public SlipwayHttpApi(Construct scope, String id, Path routesFile, Map<String, SlipwayFunction> functions) {
        this(scope, id, routesFile, functions, SlipwayApiAuth.none());
    }

    public SlipwayHttpApi(
            Construct scope, String id, Path routesFile, Map<String, SlipwayFunction> functions, SlipwayApiAuth auth) {
        super(scope, id);
        List<Route> routes = RoutesFile.read(routesFile);
        IHttpRouteAuthorizer jwt = jwtAuthorizer(routesFile, routes, auth);
        IHttpRouteAuthorizer iam = new HttpIamAuthorizer();
        Map<String, HttpLambdaIntegration> integrations = new HashMap<>();
        functions.forEach(
                (name, fn) -> integrations.put(name, new HttpLambdaIntegration(name + "Integration", fn.alias())));
        for (Route route : routes) {
            if (!integrations.containsKey(route.function())) {
                throw new IllegalArgumentException(routesFile + ": route " + route.routeKey() + " names function '"
                        + route.function() + "'; the stack passes only " + functions.keySet() + ".");
            }
        }
        HttpApi.Builder builder = HttpApi.Builder.create(this, "Api").createDefaultStage(false);
        if (functions.size() == 1)
            builder.defaultIntegration(integrations.values().iterator().next());
        this.api = builder.build();
        for (Route route : routes) {
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integrations.get(route.function()));
            switch (route.access().mode()) {
                case JWT -> {
                    options.authorizer(jwt);
                    if (!route.access().scopes().isEmpty()) {
                        options.authorizationScopes(route.access().scopes());
                    }
                }
                case IAM -> options.authorizer(iam);
                case NONE -> options.authorizer(new HttpNoneAuthorizer());
            }
            List<HttpRoute> added = api.addRoutes(options.build());
            if (!route.access().required()) {
                added.forEach(r -> Nag.suppress(
                        r,
                        "AwsSolutions-APIG4",
                        route.routeKey() + " is declared auth=none in " + routesFile.getFileName()
                                + ": open to anyone on purpose."));
            }
        }
        if (functions.size() == 1) {
            api.getNode().getChildren().stream()
                    .filter(c -> c instanceof HttpRoute)
                    .filter(c -> ((HttpRoute) c).getNode().getId().equals("DefaultRoute"))
                    .forEach(c -> Nag.suppress(
                            c,
                            "AwsSolutions-APIG4",
                            "$default sends paths no route matches to the single function, which answers 404/405;"
                                    + " a request it routes to an auth= route without a caller it answers 401."));
        }
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }
                })
                .build();
    }

    /** The JWT authorizer the {@code auth=jwt} routes share; null when there are none. */
    private IHttpRouteAuthorizer jwtAuthorizer(Path routesFile, List<Route> routes, SlipwayApiAuth auth) {
        List<String> jwtRoutes = routes.stream()
                .filter(r -> r.access().mode() == RouteAccess.Mode.JWT)
                .map(Route::routeKey)
                .toList();
        if (jwtRoutes.isEmpty()) return null;
        if (!auth.hasIssuer()) {
            throw new IllegalArgumentException(routesFile + " declares auth=jwt routes " + jwtRoutes + " but the"
                    + " stack gives SlipwayHttpApi no issuer: pass SlipwayApiAuth.jwt(issuer, audiences) or"
                    + " SlipwayApiAuth.userPool(pool, clients).");
        }
        if (auth.userPool() != null) {
            return HttpUserPoolAuthorizer.Builder.create("Jwt", auth.userPool())
                    .userPoolClients(auth.clients())
                    .identitySource(List.of("$request.header.Authorization"))
                    .build();
        }
        return HttpJwtAuthorizer.Builder.create("Jwt", auth.issuer())
                .jwtAudience(auth.audiences())
                .identitySource(List.of("$request.header.Authorization"))
                .build();
    }

    /** The invoke URL of the default stage. */
    public String url() {
        return stage.getUrl();
    }

    public HttpApi api() {
        return api;
    }
}
