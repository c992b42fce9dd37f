package dev.slipway.dataapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on a request, as AWS computes it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html): canonical
 * request, string to sign for scope {@code date/region/rds-data/aws4_request}, HMAC-SHA256 key chain. Written by
 * hand: the AWS SDK signs but ships no verifier. The request time must be within 15 minutes of the server's clock
 * (AWS's limit for signed headers), and the body must hash to {@code x-amz-content-sha256} when it is sent.
 */
public final class SigV4 {

    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Function<String, String> secrets;
    private final Clock clock;

    /** {@code secrets} maps an access key id to its secret, or null when the key is unknown. */
    public SigV4(Function<String, String> secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Checks the request; returns the access key id that signed it.
     *
     * @param headers lower-case header name -> values
     * @throws DataApiException 403 with AWS's error types when it is not validly signed
     */
    public String verify(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            throw DataApiException.forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Map<String, String> parts = parseAuthorization(authorization.substring("AWS4-HMAC-SHA256 ".length()));
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw invalid("Authorization header requires Credential, SignedHeaders and Signature.");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) throw invalid("Malformed Credential " + credential);
        String keyId = scope[0];
        String secret = secrets.apply(keyId);
        if (secret == null) {
            throw DataApiException.forbidden(
                    "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) throw invalid("X-Amz-Date is required.");
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw invalid("X-Amz-Date " + amzDate + " is not yyyyMMddTHHmmssZ.");
        }
        if (!amzDate.startsWith(scope[1])) throw invalid("The credential date does not match X-Amz-Date.");
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw invalid("Signature expired: " + amzDate + " is more than 15 minutes from the server's time "
                    + AMZ_DATE.format(clock.instant()) + ".");
        }
        String bodyHash = hex(sha256(body));
        String declared = first(headers, "x-amz-content-sha256");
        if (declared != null && !declared.equals("UNSIGNED-PAYLOAD") && !declared.equals(bodyHash)) {
            throw invalid("The body does not match x-amz-content-sha256.");
        }
        StringBuilder canonical = new StringBuilder()
                .append(method)
                .append('\n')
                .append(path)
                .append('\n')
                .append('\n'); // no query string
        for (String name : signedHeaders.split(";")) {
            List<String> values = headers.get(name);
            if (values == null) throw invalid("Signed header " + name + " is missing.");
            canonical
                    .append(name)
                    .append(':')
                    .append(String.join(",", values.stream().map(SigV4::trim).toList()))
                    .append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(declared != null ? declared : bodyHash);
        String scopeText = scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scopeText + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        byte[] expected = hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("The request signature we calculated does not match the signature you provided. Check your"
                    + " AWS Secret Access Key and signing method.");
        }
        return keyId;
    }

    private static DataApiException invalid(String message) {
        return DataApiException.forbidden("InvalidSignatureException", message);
    }

    private static Map<String, String> parseAuthorization(String text) {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0) parts.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return parts;
    }

    private static String trim(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    /** The first value of a header, by lower-case name; null when it is absent. */
    public static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
