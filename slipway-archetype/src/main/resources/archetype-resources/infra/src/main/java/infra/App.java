package ${package}.infra;

import dev.slipway.core.Engine;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * {@code npx cdk synth -c engine=postgresql|mysql} (in infra/, after {@code mvn package} in the project): the stack,
 * checked by cdk-nag's AwsSolutions rules.
 */
public final class App {

    private App() {}

    public static void main(String[] args) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App();
        Object engine = app.getNode().tryGetContext("engine");
        Engine chosen = Engine.parse(engine == null ? "postgresql" : engine.toString());
        new AppStack(app, "${artifactId}-" + chosen.id(), StackProps.builder().build(), chosen, AppStack.projectDir());
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
    }
}
