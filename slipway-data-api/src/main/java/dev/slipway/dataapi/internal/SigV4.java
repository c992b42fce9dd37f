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
 * (AWS's limit for signed headers); the scope must name {@code rds-data}; {@code host} and {@code x-amz-date} must be
 * signed; the canonical request always carries the body's own SHA-256 (a declared {@code UNSIGNED-PAYLOAD} is refused),
 * so a body cannot be changed under a valid signature.
 */
public final class SigV4 {

    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    public static final String SERVICE = "rds-data";
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
     * What the headers of a signed request say, checked before its body is read: the key is known, the time is
     * within {@link #MAX_SKEW}, the scope is {@code rds-data} (and the region, when one is configured), and
     * {@code host}, {@code x-amz-date} and any {@code x-amz-content-sha256} are among the signed headers, which must
     * not declare {@code UNSIGNED-PAYLOAD}. Only {@link #verify(Pending, byte[])} with the body checks the signature.
     *
     * @param region the scope's region
     */
    public record Pending(
            String keyId,
            String secret,
            String region,
            String method,
            String path,
            Map<String, List<String>> headers,
            String signedHeaders,
            String signature,
            String amzDate,
            String scopeDate) {}

    /**
     * Checks a request's signed headers before the body is read.
     *
     * @param headers lower-case header name -> values
     * @param requiredRegion the region the scope must name; null to accept any (checked later against the ARN)
     * @throws DataApiException 403 with AWS's error types when it is not validly signed
     */
    public Pending admit(String method, String path, Map<String, List<String>> headers, String requiredRegion) {
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
        if (!scope[3].equals(SERVICE)) {
            throw invalid("Credential should be scoped to correct service: '" + SERVICE + "'.");
        }
        if (requiredRegion != null && !scope[2].equals(requiredRegion)) {
            throw invalid("Credential should be scoped to a valid region, not '" + scope[2] + "' (this proxy is "
                    + requiredRegion + ").");
        }
        String secret = secrets.apply(scope[0]);
        if (secret == null) {
            throw DataApiException.forbidden(
                    "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        for (String required : List.of("host", "x-amz-date")) {
            if (!signed.contains(required)) throw invalid("The header " + required + " must be signed.");
        }
        String declared = first(headers, "x-amz-content-sha256");
        if (declared != null && !signed.contains("x-amz-content-sha256")) {
            throw invalid("The header x-amz-content-sha256 must be signed when it is sent.");
        }
        if ("UNSIGNED-PAYLOAD".equals(declared)) {
            throw invalid("UNSIGNED-PAYLOAD is not accepted: sign the body's SHA-256.");
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
        return new Pending(
                scope[0], secret, scope[2], method, path, headers, signedHeaders, signature, amzDate, scope[1]);
    }

    /**
     * Checks the signature over the headers admitted and the body; returns the access key id that signed it.
     *
     * @throws DataApiException 403 InvalidSignatureException when it does not match
     */
    public String verify(Pending p, byte[] body) {
        String bodyHash = hex(sha256(body));
        String declared = first(p.headers(), "x-amz-content-sha256");
        if (declared != null && !declared.equals(bodyHash)) {
            throw invalid("The body does not match x-amz-content-sha256.");
        }
        StringBuilder canonical = new StringBuilder()
                .append(p.method())
                .append('\n')
                .append(p.path())
                .append('\n')
                .append('\n'); // no query string
        for (String name : p.signedHeaders().split(";")) {
            List<String> values = p.headers().get(name);
            if (values == null) throw invalid("Signed header " + name + " is missing.");
            canonical
                    .append(name)
                    .append(':')
                    .append(String.join(",", values.stream().map(SigV4::trim).toList()))
                    .append('\n');
        }
        canonical.append('\n').append(p.signedHeaders()).append('\n').append(bodyHash);
        String scopeText = p.scopeDate() + "/" + p.region() + "/" + SERVICE + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + p.amzDate() + "\n" + scopeText + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + p.secret()).getBytes(StandardCharsets.UTF_8), p.scopeDate());
        key = hmac(key, p.region());
        key = hmac(key, SERVICE);
        key = hmac(key, "aws4_request");
        byte[] expected = hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = p.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid("The request signature we calculated does not match the signature you provided. Check your"
                    + " AWS Secret Access Key and signing method.");
        }
        return p.keyId();
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
