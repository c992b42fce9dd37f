package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.SecretsManagerStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * What runs only in Lambda must be in the zip: the tests of {@code slipway-lambda} run on Maven's class path, which
 * has every dependency, while a function's class path is its zip's root and {@code lib/}, as slipway:package
 * chose them. Here each API zip, on a class loader of its own contents and the JDK only, reads a secret
 * past the extension (SigV4-signed GetSecretValue against a stand-in that checks the signature).
 */
class FunctionZipIT {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blog-db";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blog-api-postgresql.zip", "blog-api-mysql.zip", "blog-api-data-api.zip"})
    void eachApiZip_carriesWhatReadingARotatedSecretNeeds(String zip, @TempDir Path dir) throws Exception {
        try (SecretsManagerStandIn aws = new SecretsManagerStandIn(
                        AwsSessionCredentialsIdentity.create("ASIAFUNCTION", "function/secret", "session-token"),
                        "eu-west-1");
                URLClassLoader function = new URLClassLoader(
                        classPathOf(unpack(Path.of("target", zip), dir)), ClassLoader.getPlatformClassLoader())) {
            aws.put(ARN, "{\"rotated\":true}");
            Map<String, String> env = Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "ASIAFUNCTION",
                    "AWS_SECRET_ACCESS_KEY", "function/secret",
                    "AWS_SESSION_TOKEN", "session-token",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint().toString());

            Class<?> secretSource = function.loadClass("dev.slipway.lambda.db.SecretSource");
            assertThat(secretSource.getClassLoader()).isSameAs(function);
            Object secrets = secretSource.getMethod("forFunction", Map.class).invoke(null, env);
            Object value = secretSource.getMethod("fetchCurrent", String.class).invoke(secrets, ARN);

            assertThat(value).isEqualTo("{\"rotated\":true}");
            assertThat(aws.reads()).isEqualTo(1);
        }
    }

    private static Path unpack(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("entry outside the zip's root: " + entry);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }

    /** As Lambda's Java runtime builds it: the task root, then every jar in lib/. */
    private static URL[] classPathOf(Path root) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(root.toUri().toURL());
        try (Stream<Path> jars = Files.list(root.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) urls.add(jar.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
