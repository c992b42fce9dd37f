package ${package}.infra;

import dev.slipway.cdk.SlipwayDatabase;
import dev.slipway.cdk.SlipwayFunction;
import dev.slipway.cdk.SlipwayHttpApi;
import dev.slipway.cdk.SlipwayMigrations;
import dev.slipway.cdk.SlipwayNetwork;
import dev.slipway.cdk.SlipwayUserPool;
import dev.slipway.core.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The network, an Aurora Serverless v2 database of {@code engine}, the migration custom resource (which runs
 * whenever the migrations change, before the function deploys), the API function and the HTTP API of the routes
 * file.
 */
public final class AppStack extends Stack {

    private final SlipwayFunction api;

    public AppStack(Construct scope, String id, StackProps props, Engine engine, Path project) {
        super(scope, id, props);
        SlipwayNetwork network = new SlipwayNetwork(this, "Network");
        SlipwayDatabase database =
                new SlipwayDatabase(this, "Database", network, SlipwayDatabase.Props.defaults(engine));
        SlipwayMigrations migrations = new SlipwayMigrations(
                this,
                "Migrations",
                network,
                database,
                SlipwayMigrations.Props.of(
                        project.resolve("migrations"), project.resolve("target/${artifactId}-migrations.zip")));
        this.api = new SlipwayFunction(
                this,
                "Api",
                network,
                database,
                SlipwayFunction.Props.of(
                        "${package}.api.Api::handleRequest",
                        project.resolve("target/${artifactId}-api-" + engine.id() + ".zip")));
        migrations.requiredBy(api);
        // the routes file's auth=jwt routes accept access tokens of this user pool (or pass SlipwayApiAuth.jwt(...))
        SlipwayUserPool users = new SlipwayUserPool(this, "Users", true);
        SlipwayHttpApi http =
                new SlipwayHttpApi(this, "HttpApi", project.resolve("routes"), Map.of("api", api), users.auth());
        CfnOutput.Builder.create(this, "ApiUrl").value(http.url()).build();
    }

    public SlipwayFunction api() {
        return api;
    }

    /** The project directory (schema.sql, routes, target/), from infra/ or from the project itself. */
    static Path projectDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {here.resolve(".."), here}) {
            if (Files.isRegularFile(candidate.resolve("schema.sql")) && Files.isRegularFile(candidate.resolve("routes"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("Cannot find the project (schema.sql, routes) from " + here);
    }
}
