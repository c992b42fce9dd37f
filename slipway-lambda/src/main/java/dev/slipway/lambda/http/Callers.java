package dev.slipway.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.slipway.core.routes.Route;
import dev.slipway.core.routes.RouteAccess;
import dev.slipway.lambda.exceptions.ApiException;

/**
 * The caller of an event, admitted by its route's access: API Gateway authorizes before the function runs, so an
 * event of a route that requires a caller but carries none (a function URL, a test event, an API whose routes file
 * changed without a deploy) is answered 401, and a JWT with none of the scopes the route names 403, as API Gateway
 * would (it requires one of a route's authorization scopes).
 */
final class Callers {

    private Callers() {}

    /** The event's caller for {@code route}; null for an open route reached without one. */
    static Caller admitted(Route route, APIGatewayV2HTTPEvent event) {
        Caller caller = of(event);
        RouteAccess access = route.access();
        if (!access.required()) return caller;
        boolean rightKind = caller != null && (access.mode() == RouteAccess.Mode.IAM) == caller.isIam();
        if (!rightKind) {
            throw ApiException.unauthorized(
                    access.mode() == RouteAccess.Mode.JWT
                            ? "This route needs a bearer token: send 'Authorization: Bearer <jwt>' from the API's issuer."
                            : "This route needs a request signed with AWS credentials (SigV4, service execute-api).");
        }
        if (!access.admitsScopes(caller.scopes())) {
            throw ApiException.forbidden("This route needs a token with one of the scopes " + access.scopes()
                    + "; this one holds " + caller.scopes() + ".");
        }
        return caller;
    }

    private static Caller of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        if (authorizer == null) return null;
        var jwt = authorizer.getJwt();
        if (jwt != null && jwt.getClaims() != null) return Caller.ofJwt(jwt.getClaims(), jwt.getScopes());
        var iam = authorizer.getIam();
        if (iam != null && iam.getUserArn() != null) {
            String subject = iam.getUserId() == null ? iam.getUserArn() : iam.getUserId();
            return new Caller(subject, java.util.Set.of(), java.util.Map.of(), iam.getUserArn());
        }
        return null;
    }
}
