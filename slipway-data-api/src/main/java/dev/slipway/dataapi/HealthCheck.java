package dev.slipway.dataapi;

import dev.slipway.core.Setting;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A container health check for images without a shell or curl (the proxy's has a JVM and nothing else):
 * {@code java -cp @/app/jib-classpath-file dev.slipway.dataapi.HealthCheck} asks the proxy in the same container
 * for {@code /health} on its port ({@code SLIPWAY_DATA_API_PORT}), over HTTPS when it serves TLS, and exits 0 when it
 * answers 200, else 1 with the reason. It talks to 127.0.0.1 only, so it accepts the proxy's certificate whatever it
 * is: it checks that the proxy is up, not who it is. Compose's {@code healthcheck} runs it; Kubernetes and load
 * balancers ask {@code /health} themselves.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String problem = check(System.getenv());
        if (problem != null) {
            System.err.println("slipway-data-api health: " + problem);
            System.exit(1);
        }
    }

    /** Null when healthy, else why not. */
    static String check(Map<String, String> env) {
        String port = env.getOrDefault(
                Setting.DATA_API_PORT.env(),
                Setting.DATA_API_PORT.defaultValue().orElseThrow());
        boolean tls = env.containsKey(Setting.DATA_API_TLS_CERT.env())
                || Boolean.parseBoolean(env.getOrDefault(Setting.DATA_API_TLS_SELF_SIGNED.env(), "false"));
        URI health = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port.strip() + "/health");
        try {
            HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
            if (c instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(trustingContext().getSocketFactory());
                https.setHostnameVerifier((host, session) -> true);
            }
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200 ? null : health + " answered " + status;
        } catch (IOException | IllegalArgumentException e) {
            return health + ": " + e;
        }
    }

    private static SSLContext trustingContext() throws IOException {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
