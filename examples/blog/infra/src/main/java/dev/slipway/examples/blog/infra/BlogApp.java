package dev.slipway.examples.blog.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * {@code npx cdk synth -c engine=postgresql|mysql}: the blog stack, checked by cdk-nag's AwsSolutions rules
 * (errors fail the synth; every suppression carries its reason).
 */
public final class BlogApp {

    private BlogApp() {}

    public static void main(String[] args) {
        App app = new App();
        BlogStack.Settings settings = BlogStack.Settings.from(app.getNode()::tryGetContext, BlogStack.projectDir());
        new BlogStack(
                app,
                "SlipwayBlog-" + settings.engine().id(),
                StackProps.builder()
                        .description("Slipway example: blog API on Lambda with Aurora Serverless v2 ("
                                + settings.engine().id() + ")")
                        .build(),
                settings);
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        app.synth();
    }
}
