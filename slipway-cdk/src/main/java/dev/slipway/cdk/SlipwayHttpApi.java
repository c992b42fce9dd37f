package dev.slipway.cdk;

import dev.slipway.cdk.internal.Nag;
import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RoutesFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * An API Gateway HTTP API built from the same routes file {@code slipway up} serves: each route goes to the alias
 * of the function it names. With a single function, unmatched requests go to it too ({@code $default}), so it
 * answers 404 and 405 as JSON, as it does locally. Access logs go to CloudWatch Logs.
 */
public final class SlipwayHttpApi extends Construct {

    private final HttpApi api;
    private final HttpStage stage;

    public SlipwayHttpApi(Construct scope, String id, Path routesFile, Map<String, SlipwayFunction> functions) {
        super(scope, id);
        List<Route> routes = RoutesFile.read(routesFile);
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
            api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integrations.get(route.function()))
                    .build());
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
        Nag.suppress(
                api,
                "AwsSolutions-APIG4",
                "The example API is public on purpose; add an authorizer"
                        + " (HttpJwtAuthorizer, IAM) to the routes of a real application.");
    }

    /** The invoke URL of the default stage. */
    public String url() {
        return stage.getUrl();
    }

    public HttpApi api() {
        return api;
    }
}
