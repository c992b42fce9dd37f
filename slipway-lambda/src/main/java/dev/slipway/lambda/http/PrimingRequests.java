package dev.slipway.lambda.http;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.slipway.core.routes.Route;
import java.util.Map;

/** The synthetic requests {@link HttpApiHandler#primeRoutes} sends, and the context they run in. */
final class PrimingRequests {

    private PrimingRequests() {}

    /** A request to {@code route} as API Gateway would send it: path parameters 1, a JSON body {} where one fits. */
    static APIGatewayV2HTTPEvent of(Route route) {
        String path = route.path().replaceAll("\\{[A-Za-z][A-Za-z0-9_]*}", "1");
        boolean hasBody = switch (route.method()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(route.method())
                .withPath(path)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(hasBody ? "{}" : null)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("slipway-priming")
                        .withHttp(http)
                        .build())
                .build();
    }

    /** A context whose logger drops what it is given: priming's access-log lines are written, not shown. */
    static final Context CONTEXT = new Context() {
        private final LambdaLogger dropping = new LambdaLogger() {
            @Override
            public void log(String message) {}

            @Override
            public void log(byte[] message) {}
        };

        @Override
        public String getAwsRequestId() {
            return "slipway-priming";
        }

        @Override
        public String getLogGroupName() {
            return null;
        }

        @Override
        public String getLogStreamName() {
            return null;
        }

        @Override
        public String getFunctionName() {
            return null;
        }

        @Override
        public String getFunctionVersion() {
            return null;
        }

        @Override
        public String getInvokedFunctionArn() {
            return null;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 0;
        }

        @Override
        public LambdaLogger getLogger() {
            return dropping;
        }
    };
}
