package dev.slipway.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Credentials from the container credentials endpoint, which Lambda gives SnapStart functions (and ECS its tasks)
 * instead of key variables: {@code GET $AWS_CONTAINER_CREDENTIALS_FULL_URI} with the token of
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} (or the file {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}) as
 * {@code Authorization}; ECS's {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} is under {@code 169.254.170.2}. The
 * answer ({@code AccessKeyId, SecretAccessKey, Token, Expiration}) is kept until five minutes before it expires.
 * The AWS SDK's {@code ContainerCredentialsProvider} does the same; this is here so that the driver does not need
 * the SDK's core for it.
 */
public final class ContainerCredentials implements AwsIdentitySource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final URI endpoint;
    private final Map<String, String> env;
    private final Clock clock;
    private AwsCredentialsIdentity current;
    private Instant refreshAt = Instant.MIN;

    private ContainerCredentials(URI endpoint, Map<String, String> env, Clock clock) {
        this.endpoint = endpoint;
        this.env = env;
        this.clock = clock;
    }

    /** The provider the environment names, or null when it names none. */
    public static ContainerCredentials fromEnvironment(Map<String, String> env, Clock clock) {
        String full = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (full != null && !full.isBlank()) return new ContainerCredentials(URI.create(full), env, clock);
        String relative = env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (relative != null && !relative.isBlank()) {
            return new ContainerCredentials(URI.create("http://169.254.170.2" + relative), env, clock);
        }
        return null;
    }

    @Override
    public synchronized AwsCredentialsIdentity get() {
        if (current == null || !clock.instant().isBefore(refreshAt)) fetch();
        return current;
    }

    private void fetch() {
        try {
            HttpURLConnection http = (HttpURLConnection) endpoint.toURL().openConnection();
            http.setConnectTimeout(2_000);
            http.setReadTimeout(5_000);
            String token = token();
            if (token != null) http.setRequestProperty("Authorization", token);
            int status = http.getResponseCode();
            try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                if (status != 200) {
                    throw new IllegalStateException("the container credentials endpoint answered " + status + ": "
                            + new String(body, StandardCharsets.UTF_8));
                }
                JsonNode json = JSON.readTree(body);
                String id = json.path("AccessKeyId").asText(null);
                String secret = json.path("SecretAccessKey").asText(null);
                if (id == null || secret == null) {
                    throw new IllegalStateException(
                            "the container credentials endpoint returned no AccessKeyId/SecretAccessKey");
                }
                String sessionToken = json.path("Token").asText(null);
                current = sessionToken == null
                        ? AwsCredentialsIdentity.create(id, secret)
                        : AwsSessionCredentialsIdentity.create(id, secret, sessionToken);
                String expiration = json.path("Expiration").asText(null);
                refreshAt = expiration == null
                        ? clock.instant().plus(Duration.ofMinutes(10))
                        : Instant.parse(expiration).minus(REFRESH_BEFORE_EXPIRY);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the container credentials endpoint " + endpoint + " could not be read: " + e, e);
        }
    }

    private String token() throws IOException {
        String file = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (file != null && !file.isBlank())
            return Files.readString(Path.of(file)).strip();
        return env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    }
}
