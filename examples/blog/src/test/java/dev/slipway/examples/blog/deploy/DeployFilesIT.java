package dev.slipway.examples.blog.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blog's files for running outside AWS (deploy/compose.yaml, deploy/kubernetes.yaml): valid by validators that
 * are not Slipway's (dclint checks the Compose specification's JSON schema; kubernetes-models the Kubernetes API's
 * OpenAPI schemas), and in the boot order Slipway deploys in. ComposeImagesIT runs the images with these settings.
 * Also the repository's GitHub workflows, which check and deploy the blog (action-validator, GitHub's schema).
 */
class DeployFilesIT {

    private static final String DCLINT = "dclint@3.1.0";
    private static final String KUBERNETES_MODELS = "kubernetes-models@5.1.0";

    @Test
    void theComposeFile_passesTheComposeSchema_andStartsEachServiceAfterWhatItNeeds() throws Exception {
        JsonNode services = DeployFile.compose().path("services");
        assertThat(services.path("migrations")
                        .path("depends_on")
                        .path("database")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
        for (String after : List.of("data-api", "api")) {
            assertThat(services.path(after)
                            .path("depends_on")
                            .path("migrations")
                            .path("condition")
                            .asText())
                    .as(after + " starts after the migrations finished")
                    .isEqualTo("service_completed_successfully");
            assertThat(services.path(after).path("healthcheck").path("test").isMissingNode())
                    .as(after + " has a health check")
                    .isFalse();
        }
        assertThat(services.path("migrations").path("restart").asText()).isEqualTo("no");
        // no secret in the file: passwords and keys are ${...:?} references to .env
        assertThatThrownBy(() -> DeployFile.environment(DeployFile.compose(), "migrations", Map.of()))
                .hasMessageContaining("set DATABASE_PASSWORD in .env");
        for (String service : List.of("migrations", "data-api", "api")) {
            DeployFile.compose()
                    .path("services")
                    .path(service)
                    .path("environment")
                    .properties()
                    .forEach(e -> {
                        if (e.getKey().matches(".*(PASSWORD|KEYS)"))
                            assertThat(e.getValue().asText()).startsWith("${");
                    });
        }

        Result lint = run(DeployFile.DIR, "npx", "--yes", DCLINT, "--quiet", DeployFile.COMPOSE.toString());
        assertThat(lint.code()).as("dclint:\n" + lint.output()).isZero();
    }

    @Test
    void aComposeFileTheSchemaRefuses_failsTheCheck(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("compose.yaml");
        Files.writeString(
                broken,
                Files.readString(DeployFile.COMPOSE)
                        .replace("    restart: \"no\"", "    restart: \"no\"\n    retsart: always"));
        Result lint = run(dir, "npx", "--yes", DCLINT, "--quiet", broken.toString());
        assertThat(lint.code()).as(lint.output()).isNotZero();
        assertThat(lint.output()).contains("invalid-schema");
    }

    @Test
    void theKubernetesManifest_passesTheApiSchemas_andMigratesInAnInitContainer(@TempDir Path dir) throws Exception {
        List<JsonNode> objects = DeployFile.kubernetes();
        assertThat(objects)
                .extracting(o -> o.path("kind").asText())
                .containsExactly("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler");
        JsonNode pod = objects.get(0).path("spec").path("template").path("spec");
        assertThat(pod.path("initContainers").get(0).path("name").asText()).isEqualTo("migrations");
        JsonNode proxy = pod.path("containers").get(0);
        assertThat(proxy.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/health");
        assertThat(proxy.path("readinessProbe").path("httpGet").path("scheme").asText())
                .isEqualTo("HTTPS");
        // the same proxy settings as the compose file's (whose images ComposeImagesIT runs)
        Set<String> kubernetesEnv = new TreeSet<>();
        proxy.path("env").forEach(e -> kubernetesEnv.add(e.path("name").asText()));
        Set<String> composeEnv = new TreeSet<>();
        DeployFile.compose()
                .path("services")
                .path("data-api")
                .path("environment")
                .fieldNames()
                .forEachRemaining(composeEnv::add);
        assertThat(kubernetesEnv).isEqualTo(composeEnv);

        Files.copy(DeployFile.DIR.resolve("validate-kubernetes.mjs"), dir.resolve("validate-kubernetes.mjs"));
        Result install = run(dir, "npm", "install", "--no-audit", "--no-fund", "--silent", KUBERNETES_MODELS, "yaml@2");
        assertThat(install.code()).as(install.output()).isZero();
        Result valid = run(dir, "node", "validate-kubernetes.mjs", DeployFile.KUBERNETES.toString());
        assertThat(valid.code()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("4 valid, 0 invalid");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(DeployFile.KUBERNETES).replace("replicas: 2", "replicas: two"));
        Result refused = run(dir, "node", "validate-kubernetes.mjs", broken.toString());
        assertThat(refused.code()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("INVALID Deployment/blog-data-api: data/spec/replicas must be integer");
    }

    @Test
    void theRepositorysWorkflows_checkAndDeployTheBlog_andPassGitHubsWorkflowSchema() throws Exception {
        Path workflows = DeployFile.DIR.resolve("../../../.github/workflows").normalize();
        String ci = Files.readString(workflows.resolve("ci.yml"));
        assertThat(ci)
                .contains("slipway:check -Dslipway.url=jdbc:postgresql")
                .contains("slipway:check -Dslipway.url=jdbc:mysql")
                .contains("slipway:lint")
                .contains("GITHUB_STEP_SUMMARY");
        assertThat(Files.readString(workflows.resolve("deploy-blog.yml")))
                .contains("id-token: write")
                .contains("role-to-assume")
                .contains("npx cdk deploy");
        for (String workflow : List.of("ci.yml", "deploy-blog.yml")) {
            Result valid = run(workflows, "npx", "--yes", "@action-validator/cli@0.6.0", workflow);
            assertThat(valid.code()).as(workflow + ":\n" + valid.output()).isZero();
        }
    }

    private record Result(int code, String output) {}

    /** Node.js validators: skipped, saying so, where Node.js is not installed (CI has it). */
    private static Result run(Path dir, String... command) throws Exception {
        Assumptions.assumeTrue(onPath(command[0]), command[0] + " (Node.js) is not installed: the validators need it");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) process.destroyForcibly();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
