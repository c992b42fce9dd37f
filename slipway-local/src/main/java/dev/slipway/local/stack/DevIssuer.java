package dev.slipway.local.stack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development issuer of {@code slipway up}: an RSA key of the project ({@code .slipway/dev-issuer.jwk.json},
 * made on first use, readable by its owner only) whose public half {@code up} trusts and serves as a JWKS, and
 * with which {@code slipway token} signs. RS256, as the issuers API Gateway accepts sign (RSA only).
 */
public final class DevIssuer {

    /** The {@code iss} of its tokens: a name that resolves nowhere ({@code .invalid}), so it is never mistaken. */
    public static final String ISSUER = "https://dev-issuer.slipway.invalid";

    private static final String KEY_FILE = ".slipway/dev-issuer.jwk.json";

    private final RSAKey key;

    private DevIssuer(RSAKey key) {
        this.key = key;
    }

    /** The project's development issuer, its key made now if the project has none yet. */
    public static DevIssuer of(Path projectDir) {
        Path file = projectDir.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return new DevIssuer(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) { // Windows: the user's profile directory guards it
            }
            return new DevIssuer(key);
        } catch (IOException | JOSEException | ParseException e) {
            throw new IllegalStateException(
                    "Cannot read or make the development issuer's key " + file + ": " + e.getMessage()
                            + ". Delete the file to make a new one (tokens signed with the old key stop working).",
                    e);
        }
    }

    /** The public keys, as a JWKS document. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A signed token for {@code subject}, with {@code scopes} (the {@code scope} claim), valid for {@code lifetime}. */
    public String token(String subject, List<String> scopes, String audience, Duration lifetime, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now)) // no nbf, as Cognito: with AWS's "before the current time", nbf = now fails
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        if (!scopes.isEmpty()) claims.claim("scope", String.join(" ", scopes));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
