package dev.slipway.cdk;

import java.util.List;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;

/**
 * Who signs the tokens the {@code auth=jwt} routes of a {@link SlipwayHttpApi} accept: an OIDC issuer and the
 * audiences its tokens must name (API Gateway's JWT authorizer), or a Cognito user pool and its app clients
 * (the same authorizer, configured from the pool). {@code auth=iam} routes need neither: IAM checks SigV4.
 *
 * @param issuer the issuer URL ({@code iss}); null with a user pool
 * @param audiences the accepted {@code aud} (or Cognito access tokens' {@code client_id}) values
 * @param userPool a Cognito user pool, else null
 * @param clients the pool's app clients whose tokens are accepted
 */
public record SlipwayApiAuth(String issuer, List<String> audiences, IUserPool userPool, List<IUserPoolClient> clients) {

    public SlipwayApiAuth {
        audiences = List.copyOf(audiences);
        clients = List.copyOf(clients);
    }

    /** No issuer: the routes file may then declare only {@code auth=none} and {@code auth=iam} routes. */
    public static SlipwayApiAuth none() {
        return new SlipwayApiAuth(null, List.of(), null, List.of());
    }

    /** Tokens of the OIDC issuer {@code issuer} (its discovery document must be reachable from the internet). */
    public static SlipwayApiAuth jwt(String issuer, List<String> audiences) {
        if (issuer == null || !issuer.startsWith("https://")) {
            throw new IllegalArgumentException("The JWT issuer must be an https:// URL (API Gateway fetches its"
                    + " /.well-known/openid-configuration), not '" + issuer + "'.");
        }
        if (audiences.isEmpty()) throw new IllegalArgumentException("Name at least one audience for " + issuer + ".");
        return new SlipwayApiAuth(issuer, audiences, null, List.of());
    }

    /** Tokens of a Cognito user pool, for its app clients. */
    public static SlipwayApiAuth userPool(IUserPool pool, List<IUserPoolClient> clients) {
        if (clients.isEmpty()) throw new IllegalArgumentException("Name the user pool's app clients.");
        return new SlipwayApiAuth(null, List.of(), pool, clients);
    }

    /** Whether {@code auth=jwt} routes can be authorized. */
    public boolean hasIssuer() {
        return issuer != null || userPool != null;
    }
}
