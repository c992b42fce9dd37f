package dev.slipway.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks a SigV4-signed request by signing it again with AWS's own signer ({@code http-auth-aws}) and the secret of
 * the key it names, at the time it says it was signed, and comparing the signatures: the canonical request (path
 * encoding, sorted query, signed headers, the body's hash) is then AWS's by construction, not re-implemented. AWS's
 * own checks before that: the scope names {@code service}, {@code host} and {@code x-amz-date} are signed, and the
 * time is within 15 minutes of this clock
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
 */
public final class SigV4Verifier {

    /** AWS's limit on the difference between the signing time and its clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/\\s]+)/(\\d{8})/([^/\\s]+)/([^/\\s]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9;\\-]+),\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Who signed a request that checked out. */
    public record Signer(String accessKeyId, String region) {}

    private final String service;
    private final Function<String, AwsCredentialsIdentity> keys;
    private final Clock clock;

    /**
     * @param service the signing name the scope must name, e.g. {@code execute-api}
     * @param keys an access key id's credentials, or null for a key that is not known
     */
    public SigV4Verifier(String service, Function<String, AwsCredentialsIdentity> keys, Clock clock) {
        this.service = service;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The signer of the request, or why it is refused.
     *
     * @param target the request target as sent: raw path and query ({@code /posts?published=true})
     * @param headers the request's headers, names in any case
     * @return the signer; empty with {@code refusal} given the reason
     */
    public Optional<Signer> verify(
            String method,
            String target,
            Map<String, List<String>> headers,
            byte[] body,
            java.util.function.Consumer<String> refusal) {
        Map<String, List<String>> lower = new java.util.TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        String authorization = first(lower, "authorization");
        Matcher auth = authorization == null ? null : AUTHORIZATION.matcher(authorization.strip());
        if (auth == null || !auth.matches()) return refused(refusal, "no SigV4 Authorization header");
        AwsCredentialsIdentity key = keys.apply(auth.group(1));
        if (key == null) return refused(refusal, "the access key " + auth.group(1) + " is not known");
        if (!auth.group(4).equals(service)) {
            return refused(refusal, "the credential is scoped to " + auth.group(4) + ", not " + service);
        }
        List<String> signed = List.of(auth.group(5).split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            return refused(refusal, "host and x-amz-date must be signed");
        }
        String amzDate = first(lower, "x-amz-date");
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate == null ? "" : amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            return refused(refusal, "X-Amz-Date is missing or not yyyyMMddTHHmmssZ");
        }
        if (!amzDate.startsWith(auth.group(2))) return refused(refusal, "the credential date is not X-Amz-Date's");
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return refused(refusal, "the signature is more than 15 minutes from this clock");
        }
        SdkHttpMethod sdkMethod;
        try {
            sdkMethod = SdkHttpMethod.fromValue(method);
        } catch (IllegalArgumentException e) {
            return refused(refusal, "method " + method + " cannot be signed");
        }
        URI uri;
        try {
            uri = URI.create("http://" + first(lower, "host") + target);
        } catch (IllegalArgumentException e) {
            return refused(refusal, "the host and request target are not a URI");
        }
        SdkHttpRequest.Builder again =
                SdkHttpRequest.builder().method(sdkMethod).uri(uri);
        for (String name : signed) {
            if (name.equals("host") || name.equals("x-amz-date")) continue;
            List<String> values = lower.get(name);
            if (values == null) return refused(refusal, "the signed header " + name + " is missing");
            again.putHeader(name, values);
        }
        String expected = AwsV4HttpSigner.create()
                .sign(r -> r.identity(key)
                        .request(again.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, auth.group(3))
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElse("");
        // the signature covers the canonical request and the signed header names, so it alone is compared
        String signature = expected.substring(expected.lastIndexOf("Signature=") + "Signature=".length());
        if (!java.security.MessageDigest.isEqual(
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                auth.group(6).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return refused(refusal, "the signature does not match the request (AWS's signer, the key's secret)");
        }
        return Optional.of(new Signer(auth.group(1), auth.group(3)));
    }

    private static Optional<Signer> refused(java.util.function.Consumer<String> refusal, String reason) {
        refusal.accept(reason);
        return Optional.empty();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
