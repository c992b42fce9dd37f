package dev.slipway.local.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.slipway.aws.SigV4Verifier;
import dev.slipway.core.routes.RouteAccess;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What API Gateway's authorizers do before a route's function runs, done by {@code slipway up}
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html): for {@code auth=jwt}, a
 * bearer token signed with an RSA key of the issuer's JWKS (its {@code kid}), {@code iss} equal to the issuer,
 * {@code aud} (or, without one, {@code client_id}) naming the audience, {@code exp} after and {@code nbf} before now
 * (AWS documents no leeway, so none is given), and one of the route's scopes in {@code scope} or {@code scp}. A
 * refusal is API Gateway's: 401 {@code {"message":"Unauthorized"}}, or 403 {@code {"message":"Forbidden"}} for a
 * missing scope. The claims then reach the function as API Gateway passes them: every value a string.
 * Verification is Nimbus JOSE + JWT's, not Slipway's: unsigned ({@code alg: none}) and HMAC tokens are refused there.
 * For {@code auth=iam}, a request SigV4-signed for {@code execute-api} with one of up's access keys (checked by
 * re-signing with AWS's signer, {@link SigV4Verifier}); the function then sees the key's IAM principal.
 */
public final class LocalAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome for one request: its {@code requestContext.authorizer} (null for an open route), or a refusal. */
    public record Decision(ObjectNode authorizer, int refusedWith, String reason) {

        static Decision admit(ObjectNode authorizer) {
            return new Decision(authorizer, 0, null);
        }

        static Decision refuse(int status, String reason) {
            return new Decision(null, status, reason);
        }

        public boolean refused() {
            return refusedWith != 0;
        }
    }

    /**
     * A request as it arrived.
     *
     * @param target the raw path and query, as sent
     * @param headers the headers, names in any case
     */
    public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {

        /** A request with only an {@code Authorization} header (null: none). */
        public static Request bearer(String authorization) {
            return new Request(
                    "GET",
                    "/",
                    authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization)),
                    new byte[0]);
        }

        String authorization() {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("authorization")
                            && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The account id of up's IAM principals, as API Gateway passes it. */
    static final String LOCAL_ACCOUNT = "000000000000";

    private final String issuer;
    private final String audience;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final SigV4Verifier sigV4;
    private final String developmentJwks;

    /**
     * @param accessKeys access key id -> secret of the callers {@code auth=iam} routes accept (up's local key)
     */
    LocalAuthorizer(
            String issuer,
            String audience,
            JWKSource<SecurityContext> keys,
            Map<String, String> accessKeys,
            Clock clock) {
        this(issuer, audience, keys, accessKeys, clock, null);
    }

    private LocalAuthorizer(
            String issuer,
            String audience,
            JWKSource<SecurityContext> keys,
            Map<String, String> accessKeys,
            Clock clock,
            String developmentJwks) {
        this.issuer = issuer;
        this.audience = audience;
        this.developmentJwks = developmentJwks;
        this.sigV4 = new SigV4Verifier(
                "execute-api",
                id -> accessKeys.containsKey(id) ? AwsCredentialsIdentity.create(id, accessKeys.get(id)) : null,
                clock);
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.Family.RSA, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(
                        null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Tokens of up's development issuer ({@link DevIssuer}); SigV4 with {@code accessKeys}. */
    public static LocalAuthorizer development(DevIssuer devIssuer, String audience, Map<String, String> accessKeys) {
        return new LocalAuthorizer(
                DevIssuer.ISSUER,
                audience,
                new ImmutableJWKSet<>(devIssuer.publicKeys()),
                accessKeys,
                Clock.systemUTC(),
                devIssuer.publicKeys().toString());
    }

    /** The development issuer's public keys as a JWKS document, for up to serve; empty for a real issuer. */
    public java.util.Optional<String> developmentJwks() {
        return java.util.Optional.ofNullable(developmentJwks);
    }

    /** Tokens of a real OIDC issuer: its JWKS found through its discovery document, fetched and cached by Nimbus. */
    public static LocalAuthorizer ofIssuer(String issuer, String audience, Map<String, String> accessKeys)
            throws java.net.MalformedURLException {
        URI discovery = URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration");
        String jwksUri;
        try (var in = discovery.toURL().openStream()) {
            jwksUri = JSON.readTree(in).path("jwks_uri").asText("");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read " + discovery + " (" + e.getMessage() + "): is"
                            + " slipway.jwt.issuer the issuer's URL, and is it reachable from here? Without it, up uses its"
                            + " own development issuer.",
                    e);
        }
        if (jwksUri.isEmpty()) {
            throw new IllegalArgumentException(
                    discovery + " names no jwks_uri: is slipway.jwt.issuer the issuer's URL?");
        }
        URL jwks = URI.create(jwksUri).toURL();
        return new LocalAuthorizer(
                issuer, audience, JWKSourceBuilder.create(jwks).build(), accessKeys, Clock.systemUTC());
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** Admits or refuses a request to a route of {@code access}. */
    public Decision decide(RouteAccess access, Request request) {
        return switch (access.mode()) {
            case NONE -> Decision.admit(null);
            case IAM -> iam(request);
            case JWT -> jwt(access, request.authorization());
        };
    }

    /** API Gateway answers an unsigned or wrongly signed request to an IAM route 403 Forbidden. */
    private Decision iam(Request request) {
        String[] why = {""};
        var signer =
                sigV4.verify(request.method(), request.target(), request.headers(), request.body(), r -> why[0] = r);
        if (signer.isEmpty()) return Decision.refuse(403, why[0]);
        ObjectNode authorizer = JSON.createObjectNode();
        ObjectNode iam = authorizer.putObject("iam");
        String id = signer.get().accessKeyId();
        iam.put("accessKey", id);
        iam.put("accountId", LOCAL_ACCOUNT);
        iam.put("callerId", id);
        iam.putNull("cognitoIdentity");
        iam.putNull("principalOrgId");
        iam.put("userArn", "arn:aws:iam::" + LOCAL_ACCOUNT + ":user/" + id);
        iam.put("userId", id);
        return Decision.admit(authorizer);
    }

    private Decision jwt(RouteAccess access, String authorization) {
        if (authorization == null || authorization.isBlank()) return Decision.refuse(401, "no Authorization header");
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7))
            token = token.substring(7).strip();
        JWTClaimsSet claims;
        try {
            com.nimbusds.jwt.JWT parsed = com.nimbusds.jwt.JWTParser.parse(token);
            if (parsed instanceof com.nimbusds.jwt.SignedJWT signed
                    && signed.getHeader().getKeyID() == null) {
                return Decision.refuse(401, "the token's header names no kid (API Gateway needs the key's id)");
            }
            claims = processor.process(parsed, null);
        } catch (java.text.ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return Decision.refuse(401, "the token was refused: " + e.getMessage());
        }
        if (!forAudience(claims)) return Decision.refuse(401, "the token is not for the audience " + audience);
        Set<String> held = scopes(claims);
        if (!access.admitsScopes(held)) {
            return Decision.refuse(403, "the token holds none of the route's scopes " + access.scopes());
        }
        ObjectNode authorizer = JSON.createObjectNode();
        ObjectNode jwt = authorizer.putObject("jwt");
        ObjectNode asStrings = jwt.putObject("claims");
        claims.getClaims().forEach((name, value) -> asStrings.put(name, asApiGatewayString(value)));
        if (access.scopes().isEmpty()) {
            jwt.putNull("scopes");
        } else {
            var scopes = jwt.putArray("scopes");
            held.forEach(scopes::add);
        }
        return Decision.admit(authorizer);
    }

    private boolean forAudience(JWTClaimsSet claims) {
        List<String> aud = claims.getAudience();
        if (aud != null && !aud.isEmpty()) return aud.contains(audience);
        return audience.equals(claims.getClaim("client_id"));
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : List.of("scope", "scp")) {
            Object value = claims.getClaim(name);
            if (value instanceof String text) {
                for (String scope : text.split("\\s+")) if (!scope.isEmpty()) scopes.add(scope);
            } else if (value instanceof Collection<?> list) {
                list.forEach(v -> scopes.add(String.valueOf(v)));
            }
        }
        return scopes;
    }

    /** API Gateway passes every claim as a string: a list as {@code [a b]}, a date as its epoch seconds. */
    private static String asApiGatewayString(Object value) {
        if (value instanceof Date date) return Long.toString(date.getTime() / 1000);
        if (value instanceof Collection<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(String.valueOf(v)));
            return "[" + String.join(" ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return JSON.writeValueAsString(map);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return String.valueOf(map);
            }
        }
        return String.valueOf(value);
    }
}
