package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Engine;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized stack of each engine, with cdk-nag's rules: no AWS account needed. */
class AppStackTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void synthesizes_theDatabaseMigrationsFunctionAndApi_withoutCdkNagErrors(Engine engine) {
        App app = new App();
        AppStack stack = new AppStack(app, "Test", StackProps.builder().build(), engine, AppStack.projectDir());
        Aspects.of(app).add(new AwsSolutionsChecks());
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::RDS::DBCluster", 1);
        template.hasResourceProperties(
                "AWS::Lambda::Function", Map.of("Handler", "${package}.api.Api::handleRequest"));
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }
}
