package dev.slipway.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.local.aws.LocalEcs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

class EcsTest {

    private static final String DEFINITION = "arn:aws:ecs:eu-west-1:123456789012:task-definition/migrations:3";

    @TempDir
    Path dir;

    private LocalEcs standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = new LocalEcs();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private void defineTaskExiting(int code) {
        standIn.define(
                DEFINITION,
                new LocalEcs.TaskCommand(List.of("sh", "-c", "sleep 0.3; exit " + code), Map.of(), dir.resolve("log")));
    }

    @Test
    void theStandIn_answersTheUnmodifiedAwsSdk_asEcsDoes() throws Exception {
        defineTaskExiting(3);
        try (EcsClient sdk = EcsClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA", "s")))
                .build()) {
            String arn = sdk.runTask(r -> r.cluster("slipway")
                            .taskDefinition(DEFINITION)
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")
                                    .securityGroups("sg-1")
                                    .assignPublicIp(AssignPublicIp.DISABLED))))
                    .tasks()
                    .get(0)
                    .taskArn();
            Task task;
            do {
                Thread.sleep(100);
                task = sdk.describeTasks(r -> r.cluster("slipway").tasks(arn))
                        .tasks()
                        .get(0);
            } while (!task.lastStatus().equals("STOPPED"));
            assertThat(task.containers().get(0).exitCode()).isEqualTo(3);
            assertThat(task.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        }
    }

    @Test
    void runTask_thenDescribeTask_followTheTaskUntilItStops() throws Exception {
        defineTaskExiting(0);
        Ecs ecs = new Ecs(standIn.endpoint(), "eu-west-1", () -> AwsIdentitySource.of("AKIA", "s", null));

        String arn = ecs.runTask(
                new Ecs.TaskLaunch("slipway", DEFINITION, List.of("subnet-1", "subnet-2"), List.of("sg-1"), "test"));
        Ecs.TaskState state = ecs.describeTask("slipway", arn);
        assertThat(state.stopped()).isFalse();
        while (!state.stopped()) {
            Thread.sleep(100);
            state = ecs.describeTask("slipway", arn);
        }

        assertThat(state.succeeded()).isTrue();
        assertThat(state.exitCode()).isZero();
        var request = standIn.launches().get(0).request();
        assertThat(request.path("networkConfiguration")
                        .path("awsvpcConfiguration")
                        .path("assignPublicIp")
                        .asText())
                .isEqualTo("DISABLED");
        assertThat(request.path("networkConfiguration")
                        .path("awsvpcConfiguration")
                        .path("subnets")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void anUnknownTaskDefinition_isRefusedWithEcsErrorType() {
        Ecs ecs = new Ecs(standIn.endpoint(), "eu-west-1", () -> AwsIdentitySource.of("AKIA", "s", null));

        assertThatThrownBy(() -> ecs.runTask(
                        new Ecs.TaskLaunch("slipway", "missing:1", List.of("subnet-1"), List.of("sg-1"), "test")))
                .isInstanceOfSatisfying(
                        AwsCallException.class, e -> assertThat(e.errorType()).isEqualTo("ClientException"))
                .hasMessageContaining("missing:1");
        assertThatThrownBy(() -> ecs.describeTask("slipway", "arn:aws:ecs:eu-west-1:1:task/slipway/gone"))
                .isInstanceOf(AwsCallException.class)
                .hasMessageContaining("MISSING");
    }
}
