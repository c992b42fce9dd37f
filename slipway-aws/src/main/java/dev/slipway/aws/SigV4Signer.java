package dev.slipway.aws;

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
 * SigV4 headers for one POST, by AWS's own signer ({@code http-auth-aws}). A class of its own so that the signer's
 * classes load only when a request is signed.
 */
public final class SigV4Signer {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SigV4Signer() {}

    /**
     * The headers to send: {@code headers} as given plus {@code Authorization}, {@code X-Amz-Date} and, for session
     * keys, {@code X-Amz-Security-Token}; all of {@code headers} are signed.
     *
     * @param service the signing name, e.g. {@code rds-data}, {@code secretsmanager}
     */
    public static Map<String, String> sign(
            URI uri,
            Map<String, String> headers,
            byte[] body,
            AwsCredentialsIdentity identity,
            String region,
            String service) {
        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri);
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey();
            // the HTTP client sets Host and Content-Length itself, to the values that were signed
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")) continue;
            result.put(name, String.join(",", header.getValue()));
        }
        return result;
    }
}
