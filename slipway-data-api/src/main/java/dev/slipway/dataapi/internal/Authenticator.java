package dev.slipway.dataapi.internal;

import dev.slipway.core.RdsArns;
import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.internal.http.HttpService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who a request comes from, decided on its headers before its body is read: an API key ({@code x-api-key} or
 * {@code Authorization: Bearer}, compared in constant time), a SigV4 signature ({@link SigV4}; the signature itself
 * is checked with the body), or, where the proxy has no keys, anyone on this machine: such a proxy refuses requests
 * that carry an {@code Origin} (web pages) or a {@code Host} that is not a loopback name (DNS rebinding), or that
 * come from another host. The caller's name keys the per-key limits; an API key's name is a digest of it.
 */
public final class Authenticator {

    /** The caller of an admitted request, and the signature still to check against its body, if any. */
    public record Admitted(String caller, SigV4.Pending signature) {}

    private static final Pattern LOOPBACK_HOST =
            Pattern.compile("(?i)(127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|localhost|\\[::1\\])(:\\d{1,5})?");

    private final DataApiConfig config;
    private final SigV4 sigV4;

    public Authenticator(DataApiConfig config, Clock clock) {
        this.config = config;
        this.sigV4 = new SigV4(config.accessKeys()::get, clock);
    }

    public Admitted admit(HttpService.Head head) {
        if (!config.authenticationRequired()) return local(head);
        String apiKey = head.header("x-api-key");
        String authorization = head.header("authorization");
        if (apiKey == null && authorization != null && authorization.startsWith("Bearer ")) {
            apiKey = authorization.substring("Bearer ".length()).strip();
        }
        if (apiKey != null) {
            String name = apiKeyName(apiKey);
            if (name != null) return new Admitted(name, null);
            // a wrong key is said to be wrong, unless the request is also signed (an SDK sending both)
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                throw DataApiException.forbidden(
                        "UnrecognizedClientException",
                        "The API key is not valid (sent as "
                                + (head.header("x-api-key") != null ? "x-api-key" : "Authorization: Bearer")
                                + "; its value is not shown).");
            }
        }
        SigV4.Pending pending = sigV4.admit(head.method(), head.path(), head.headers(), config.region());
        return new Admitted(pending.keyId(), pending);
    }

    /** Checks a signed request's signature over its body, and its scope's region against the resource ARN's. */
    public void verify(Admitted admitted, byte[] body, String resourceArn) {
        if (admitted.signature() == null) return;
        sigV4.verify(admitted.signature(), body);
        if (config.region() == null) {
            String arnRegion = RdsArns.region(resourceArn).orElse(null);
            if (arnRegion != null && !arnRegion.equals(admitted.signature().region())) {
                throw DataApiException.forbidden(
                        "InvalidSignatureException",
                        "Credential should be scoped to a valid region: the request is signed for '"
                                + admitted.signature().region() + "' and its resourceArn is in '" + arnRegion
                                + "'.");
            }
        }
    }

    private Admitted local(HttpService.Head head) {
        if (head.header("origin") != null) {
            throw DataApiException.forbidden(
                    "AccessDeniedException",
                    "A request from a web page (it has an Origin header) is refused: this proxy has no keys and"
                            + " serves only programs on this machine. Give it keys (SLIPWAY_DATA_API_API_KEYS) to"
                            + " serve others.");
        }
        String host = head.header("host");
        if (host == null || !LOOPBACK_HOST.matcher(host).matches() || !head.remoteLoopback()) {
            throw DataApiException.forbidden(
                    "AccessDeniedException",
                    "Host '" + host + "' is not a loopback name (127.0.0.1, localhost, [::1]): this proxy has no"
                            + " keys and serves only programs on this machine. Give it keys"
                            + " (SLIPWAY_DATA_API_API_KEYS) to serve others.");
        }
        return new Admitted("anonymous", null);
    }

    /** The accepted key's name (a digest, never the key), or null; every key is compared, in constant time. */
    private String apiKeyName(String candidate) {
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String key : config.apiKeys()) {
            ok |= MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
        }
        if (!ok) return null;
        return "api-key:" + HexFormat.of().formatHex(SigV4.sha256(given), 0, 6);
    }
}
