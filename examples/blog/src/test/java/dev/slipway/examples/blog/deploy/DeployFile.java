package dev.slipway.examples.blog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The blog's deploy/ files as the tests read them: YAML, and Compose's ${VAR:?...} / ${VAR:-...} references. */
final class DeployFile {

    static final Path DIR = Path.of("deploy").toAbsolutePath();
    static final Path COMPOSE = DIR.resolve("compose.yaml");
    static final Path KUBERNETES = DIR.resolve("kubernetes.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)(?::([?-])([^}]*))?}");

    private DeployFile() {}

    static JsonNode compose() throws IOException {
        return YAML.readTree(Files.readString(COMPOSE));
    }

    /** Every document of the Kubernetes manifest. */
    static List<JsonNode> kubernetes() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(Files.readString(KUBERNETES))) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isNull() && !object.isEmpty()) objects.add(object);
            }
        }
        return objects;
    }

    /**
     * A service's environment with Compose's interpolation done from {@code variables}: {@code ${X:-default}} takes
     * the default when X is unset, {@code ${X:?message}} fails with the message, as {@code docker compose} does.
     */
    static Map<String, String> environment(JsonNode compose, String service, Map<String, String> variables) {
        Map<String, String> env = new LinkedHashMap<>();
        compose.path("services")
                .path(service)
                .path("environment")
                .properties()
                .forEach(e -> env.put(e.getKey(), interpolate(e.getValue().asText(), variables)));
        return env;
    }

    static String interpolate(String text, Map<String, String> variables) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null || value.isEmpty()) {
                if ("?".equals(m.group(2))) throw new IllegalArgumentException(m.group(3));
                value = "-".equals(m.group(2)) ? m.group(3) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
