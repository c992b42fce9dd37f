package dev.slipway.lambda.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, as API Gateway's authorizer passed it in the event ({@code requestContext.authorizer}): a JWT's
 * subject, scopes and claims, or the IAM principal of a SigV4-signed request. API Gateway has checked the token or
 * signature before the function runs ({@code slipway up} does the same locally); the function trusts the event.
 *
 * @param subject the JWT's {@code sub} (else its {@code client_id}), or the IAM caller's user id; never blank for a
 *     caller an operation gets from {@link HttpRequest#requireCaller()}
 * @param scopes the scopes the caller holds (a JWT's {@code scope}/{@code scp} claim; empty for IAM)
 * @param claims the JWT's claims as API Gateway passes them (values as strings); empty for IAM
 * @param iamPrincipal the IAM caller's ARN (e.g. {@code arn:aws:iam::123456789012:user/alice}); null for a JWT
 */
public record Caller(String subject, Set<String> scopes, Map<String, String> claims, String iamPrincipal) {

    public Caller {
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }

    /** A caller authenticated by a JWT. */
    public static Caller ofJwt(Map<String, String> claims, List<String> routeScopes) {
        java.util.LinkedHashSet<String> scopes = new java.util.LinkedHashSet<>();
        if (routeScopes != null) scopes.addAll(routeScopes);
        for (String claim : List.of("scope", "scp")) {
            String value = claims.get(claim);
            if (value == null) continue;
            // API Gateway passes an array claim as "[a b]"
            for (String scope : value.replaceAll("^\\[|]$", "").split("[\\s,]+")) {
                if (!scope.isBlank()) scopes.add(scope);
            }
        }
        // a machine's token (OAuth client credentials) may name its client rather than a subject
        String subject = claims.getOrDefault("sub", claims.getOrDefault("client_id", ""));
        return new Caller(subject, scopes, claims, null);
    }

    /** Whether the caller holds {@code scope}. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** One claim of the caller's JWT. */
    public Optional<String> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** Whether the caller signed with AWS credentials rather than presenting a JWT. */
    public boolean isIam() {
        return iamPrincipal != null;
    }
}
