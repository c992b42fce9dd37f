package dev.slipway.jdbc.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SigV4 headers for one request, by AWS's own signer ({@code http-auth-aws}), for service {@code rds-data}. A class
 * of its own so that the signer's classes load only when a request is signed (not with an API key or unsigned).
 */
final class Signing {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private Signing() {}

    /** The headers to add: {@code Authorization}, {@code X-Amz-Date} and, for session keys, the token. */
    static Map<String, String> headers(URI uri, byte[] body, AwsCredentialsIdentity identity, String region) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .build();
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rds-data")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey();
            // the HTTP client sets Host and Content-Length itself, to the values that were signed
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")) continue;
            headers.put(name, String.join(",", header.getValue()));
        }
        return headers;
    }
}
