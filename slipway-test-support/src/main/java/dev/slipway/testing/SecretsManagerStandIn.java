package dev.slipway.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.slipway.local.aws.LocalAwsService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A stand-in for AWS Secrets Manager on 127.0.0.1 (port 0) that enforces what AWS enforces for {@code
 * GetSecretValue} (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html and
 * CommonErrors): a POST of {@code application/x-amz-json-1.1} with {@code X-Amz-Target:
 * secretsmanager.GetSecretValue}, signed with SigV4 for service {@code secretsmanager} by a known key (and its
 * session token). The signature is checked by signing the received request again with AWS's own signer at the
 * request's {@code X-Amz-Date} and comparing. Errors have AWS's JSON shape ({@code __type}, {@code Message}).
 */
public final class SecretsManagerStandIn extends LocalAwsService {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, *SignedHeaders=([^,]+),"
                    + " *Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AwsCredentialsIdentity key;
    private final String region;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** Accepts requests signed by {@code key} for {@code region}. */
    public SecretsManagerStandIn(AwsCredentialsIdentity key, String region) throws IOException {
        this.key = key;
        this.region = region;
    }

    /** Stores (or rotates) a secret's string value. */
    public void put(String secretId, String secretString) {
        secrets.put(secretId, secretString);
    }

    /** How many GetSecretValue calls returned a value. */
    public int reads() {
        return reads.get();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String refusal = refusal(exchange, body);
        if (refusal != null) {
            String[] typeAndMessage = refusal.split(": ", 2);
            answer(exchange, 400, error(typeAndMessage[0], typeAndMessage[1]));
            return;
        }
        Matcher id =
                Pattern.compile("\"SecretId\"\\s*:\\s*\"([^\"]+)\"").matcher(new String(body, StandardCharsets.UTF_8));
        String value = id.find() ? secrets.get(id.group(1)) : null;
        if (value == null) {
            answer(
                    exchange,
                    400,
                    error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
            return;
        }
        reads.incrementAndGet();
        answer(
                exchange,
                200,
                "{\"ARN\":\"" + id.group(1) + "\",\"Name\":\"stand-in\",\"SecretString\":" + quote(value)
                        + ",\"VersionId\":\"v-" + reads.get() + "\",\"VersionStages\":[\"AWSCURRENT\"]}");
    }

    /** Why AWS would refuse the request, as "Type: message", or null when it is acceptable. */
    private String refusal(HttpExchange exchange, byte[] body) {
        var headers = exchange.getRequestHeaders();
        if (!"POST".equals(exchange.getRequestMethod())) return "UnknownOperationException: POST only";
        if (!"secretsmanager.GetSecretValue".equals(headers.getFirst("X-Amz-Target"))) {
            return "UnknownOperationException: unknown X-Amz-Target " + headers.getFirst("X-Amz-Target");
        }
        String authorization = headers.getFirst("Authorization");
        Matcher auth = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (auth == null || !auth.matches()) return "MissingAuthenticationTokenException: no SigV4 Authorization";
        if (!auth.group(1).equals(key.accessKeyId())) {
            return "UnrecognizedClientException: The security token included in the request is invalid.";
        }
        if (!auth.group(3).equals(region) || !auth.group(4).equals("secretsmanager")) {
            return "InvalidSignatureException: Credential should be scoped to " + region + "/secretsmanager";
        }
        String token = key instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;
        if (token != null && !token.equals(headers.getFirst("X-Amz-Security-Token"))) {
            return "UnrecognizedClientException: The security token included in the request is invalid.";
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        if (amzDate == null) return "IncompleteSignatureException: X-Amz-Date is required";
        Instant signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        SdkHttpRequest.Builder again = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + headers.getFirst("Host") + exchange.getRequestURI()));
        for (String name : auth.group(5).split(";")) {
            if (name.equals("host") || name.equals("x-amz-date") || name.equals("x-amz-security-token")) continue;
            List<String> values = headers.get(name);
            if (values == null) return "IncompleteSignatureException: signed header " + name + " is missing";
            again.putHeader(name, values);
        }
        if (!auth.group(5).contains("content-type") || !auth.group(5).contains("x-amz-target")) {
            return "IncompleteSignatureException: content-type and x-amz-target must be signed";
        }
        var expected = AwsV4HttpSigner.create()
                .sign(r -> r.identity(key)
                        .request(again.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElse("");
        if (!expected.endsWith("Signature=" + auth.group(6))) {
            return "InvalidSignatureException: The request signature we calculated does not match the signature you"
                    + " provided.";
        }
        return null;
    }

    private static String error(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"Message\":" + quote(message) + "}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
