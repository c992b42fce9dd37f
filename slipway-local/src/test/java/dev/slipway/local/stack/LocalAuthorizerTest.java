package dev.slipway.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.slipway.core.routes.RouteAccess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code slipway up}'s JWT checks against tokens made here with Nimbus, as API Gateway's JWT authorizer documents
 * them: each broken property alone is refused (401), a token without the route's scope is 403, and no input, however
 * malformed, gets anything but an admission or a refusal.
 */
class LocalAuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String AUDIENCE = "blog-api";
    private static final RouteAccess JWT = new RouteAccess(RouteAccess.Mode.JWT, List.of());
    private static final RouteAccess IAM = new RouteAccess(RouteAccess.Mode.IAM, List.of());
    private static final String KEY_ID = "SLIPWAYLOCAL";
    private static final String SECRET = "local-secret";
    private static final RouteAccess WRITERS = new RouteAccess(RouteAccess.Mode.JWT, List.of("admin", "posts:write"));

    @TempDir
    Path project;

    private DevIssuer issuer;
    private LocalAuthorizer authorizer;
    private RSAKey key;

    @BeforeEach
    void issuer() throws Exception {
        issuer = DevIssuer.of(project);
        authorizer = new LocalAuthorizer(
                DevIssuer.ISSUER,
                AUDIENCE,
                new ImmutableJWKSet<>(issuer.publicKeys()),
                Map.of(KEY_ID, SECRET),
                Clock.fixed(NOW, ZoneOffset.UTC));
        key = RSAKey.parse(java.nio.file.Files.readString(project.resolve(".slipway/dev-issuer.jwk.json")));
    }

    @Test
    void aTokenOfTheIssuer_forTheAudience_isAdmitted_withItsClaimsAsApiGatewayPassesThem() {
        String token = issuer.token("alice", List.of("posts:write"), AUDIENCE, Duration.ofHours(1), NOW);

        LocalAuthorizer.Decision decision =
                authorizer.decide(WRITERS, LocalAuthorizer.Request.bearer("Bearer " + token));

        assertThat(decision.refused()).as(decision.reason()).isFalse();
        var claims = decision.authorizer().get("jwt").get("claims");
        assertThat(claims.get("sub").asText()).isEqualTo("alice");
        assertThat(claims.get("aud").asText()).isEqualTo("[blog-api]");
        assertThat(claims.get("exp").asText())
                .isEqualTo(Long.toString(NOW.plusSeconds(3600).getEpochSecond()));
        assertThat(decision.authorizer().get("jwt").get("scopes").toString()).isEqualTo("[\"posts:write\"]");
    }

    @Test
    void eachBrokenProperty_alone_isRefused401() throws Exception {
        assertThat(refusal(c -> c.expirationTime(Date.from(NOW.minusSeconds(1)))))
                .isEqualTo(401);
        assertThat(refusal(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(1))))).isEqualTo(401);
        assertThat(refusal(c -> c.audience("another-api"))).isEqualTo(401);
        assertThat(refusal(c -> c.issuer("https://evil.example.com"))).isEqualTo(401);
        assertThat(refusal(c -> new JWTClaimsSet.Builder(c.build()).expirationTime(null)))
                .isEqualTo(401);
        // the same kid, another key
        RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        assertThat(decide(sign(other, JWSAlgorithm.RS256, key.getKeyID(), claims().build())))
                .isEqualTo(401);
        assertThat(decide(sign(key, JWSAlgorithm.RS256, null, claims().build())))
                .isEqualTo(401);
        assertThat(decide(new PlainJWT(claims().build()).serialize())).isEqualTo(401);
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        assertThat(decide(hmac.serialize())).isEqualTo(401);
        assertThat(authorizer.decide(JWT, LocalAuthorizer.Request.bearer(null)).refusedWith())
                .isEqualTo(401);
        assertThat(authorizer
                        .decide(JWT, LocalAuthorizer.Request.bearer("Basic YWxpY2U6c2VjcmV0"))
                        .refusedWith())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithNoneOfTheRoutesScopes_is403_andOneOfThem_isEnough() {
        String reader = issuer.token("bob", List.of("posts:read"), AUDIENCE, Duration.ofHours(1), NOW);
        String admin = issuer.token("carol", List.of("admin"), AUDIENCE, Duration.ofHours(1), NOW);

        assertThat(authorizer
                        .decide(WRITERS, LocalAuthorizer.Request.bearer("Bearer " + reader))
                        .refusedWith())
                .isEqualTo(403);
        assertThat(authorizer
                        .decide(WRITERS, LocalAuthorizer.Request.bearer("Bearer " + admin))
                        .refused())
                .isFalse();
        assertThat(authorizer
                        .decide(JWT, LocalAuthorizer.Request.bearer("Bearer " + reader))
                        .refused())
                .isFalse();
    }

    @Test
    void aCognitoAccessToken_withClientIdAndNoAud_isForTheAudienceItNames() throws Exception {
        JWTClaimsSet accessToken = new JWTClaimsSet.Builder(
                        claims().audience((String) null).build())
                .claim("client_id", AUDIENCE)
                .claim("token_use", "access")
                .build();

        assertThat(decide(sign(key, JWSAlgorithm.RS256, key.getKeyID(), accessToken)))
                .isZero();
    }

    @Test
    void aRealIssuer_isFoundThroughItsDiscoveryDocument_andItsJwksOverHttp() throws Exception {
        RSAKey issuerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        serve(
                server,
                "/.well-known/openid-configuration",
                "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/keys\"}");
        serve(server, "/keys", new com.nimbusds.jose.jwk.JWKSet(issuerKey.toPublicJWK()).toString());
        server.start();
        try {
            LocalAuthorizer real = LocalAuthorizer.ofIssuer(base, AUDIENCE, Map.of());
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(base)
                    .subject("dana")
                    .audience(AUDIENCE)
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .build();

            assertThat(real.decide(
                                    JWT,
                                    LocalAuthorizer.Request.bearer(
                                            "Bearer " + sign(issuerKey, JWSAlgorithm.RS256, "k1", claims)))
                            .refused())
                    .isFalse();
            assertThat(real.decide(
                                    JWT,
                                    LocalAuthorizer.Request.bearer("Bearer "
                                            + issuer.token("dana", List.of(), AUDIENCE, Duration.ofMinutes(5), now)))
                            .refusedWith())
                    .as("a token of up's own issuer is not the real issuer's")
                    .isEqualTo(401);
        } finally {
            server.stop(0);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalAuthorizer.ofIssuer(base, AUDIENCE, Map.of()))
                .hasMessageContaining("is slipway.jwt.issuer the issuer's URL");
    }

    private static void serve(com.sun.net.httpserver.HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Test
    void anOpenRoute_isAdmittedWithoutACaller() {
        assertThat(authorizer
                        .decide(RouteAccess.NONE, LocalAuthorizer.Request.bearer(null))
                        .authorizer())
                .isNull();
    }

    @Test
    void anIamRoute_admitsARequestSignedByAwsSigner_withTheKeysPrincipal_andRefusesEveryAlteration403() {
        LocalAuthorizer.Request signed = signed("GET", "/posts?published=true&limit=5", new byte[0], SECRET, NOW);

        LocalAuthorizer.Decision decision = authorizer.decide(IAM, signed);
        assertThat(decision.refused()).as(decision.reason()).isFalse();
        assertThat(decision.authorizer().get("iam").get("userArn").asText())
                .isEqualTo("arn:aws:iam::000000000000:user/" + KEY_ID);

        LocalAuthorizer.Request post = signed("POST", "/admin", "{\"a\":1}".getBytes(), SECRET, NOW);
        assertThat(authorizer.decide(IAM, post).refused()).isFalse();
        LocalAuthorizer.Request otherBody =
                new LocalAuthorizer.Request(post.method(), post.target(), post.headers(), "{\"a\":2}".getBytes());
        assertThat(authorizer.decide(IAM, otherBody).refusedWith()).isEqualTo(403);
        LocalAuthorizer.Request otherQuery =
                new LocalAuthorizer.Request("GET", "/posts?published=false&limit=5", signed.headers(), signed.body());
        assertThat(authorizer.decide(IAM, otherQuery).refusedWith()).isEqualTo(403);
        assertThat(authorizer
                        .decide(IAM, signed("GET", "/posts", new byte[0], "not-the-secret", NOW))
                        .refusedWith())
                .isEqualTo(403);
        assertThat(authorizer
                        .decide(IAM, signed("GET", "/posts", new byte[0], SECRET, NOW.minusSeconds(16 * 60)))
                        .refusedWith())
                .as("signed over 15 minutes ago")
                .isEqualTo(403);
        String jwt = issuer.token("alice", List.of(), AUDIENCE, Duration.ofHours(1), NOW);
        assertThat(authorizer
                        .decide(IAM, LocalAuthorizer.Request.bearer("Bearer " + jwt))
                        .refusedWith())
                .as("a JWT on an IAM route")
                .isEqualTo(403);
    }

    /** A request signed by AWS's own SigV4 signer for execute-api, as an SDK or awscurl signs it. */
    private static LocalAuthorizer.Request signed(
            String method, String target, byte[] body, String secret, Instant at) {
        var request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(java.net.URI.create("http://127.0.0.1:3000" + target))
                .putHeader("content-type", "application/json")
                .build();
        var signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(KEY_ID, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return new LocalAuthorizer.Request(method, target, signed.request().headers(), body);
    }

    @Test
    void malformedAuthorizationHeaders_areRefused_neverThrown() {
        String valid = issuer.token("alice", List.of(), AUDIENCE, Duration.ofHours(1), NOW);
        Random random = new Random(20261206);
        for (int i = 0; i < 2_000; i++) {
            char[] token = ("Bearer " + valid).toCharArray();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                token[7 + random.nextInt(token.length - 7)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String header =
                    random.nextInt(10) == 0 ? new String(token, 0, random.nextInt(token.length)) : new String(token);
            LocalAuthorizer.Decision decision = authorizer.decide(JWT, LocalAuthorizer.Request.bearer(header));
            if (decision.refused()) assertThat(decision.refusedWith()).isEqualTo(401);
        }
    }

    private static final String ALPHABET = "AZaz09-_.=+/ \u00e9\u0000";

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(DevIssuer.ISSUER)
                .subject("alice")
                .audience(AUDIENCE)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private int refusal(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return decide(sign(
                key, JWSAlgorithm.RS256, key.getKeyID(), change.apply(claims()).build()));
    }

    private int decide(String token) {
        return authorizer
                .decide(JWT, LocalAuthorizer.Request.bearer("Bearer " + token))
                .refusedWith();
    }

    private static String sign(RSAKey with, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }
}
