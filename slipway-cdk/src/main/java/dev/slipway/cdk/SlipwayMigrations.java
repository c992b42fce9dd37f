package dev.slipway.cdk;

import dev.slipway.cdk.internal.DeployedMigrations;
import dev.slipway.cdk.internal.Nag;
import dev.slipway.core.Engine;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.constructs.Construct;

/**
 * The migration function behind the CDK Provider framework, and the custom resource that runs it. Its
 * {@code SchemaHash} property is the SHA-256 of this engine's migrations and of the runner's code, both as the
 * deployed zip holds them, so CloudFormation reruns it exactly when a migration (or the runner) changes, and on no
 * other deployment. It
 * depends on the database; {@link #requiredBy} makes handlers wait for it.
 *
 * <p>With {@link TaskProps} (migrations that may outlive Lambda's 15 minutes), the custom resource instead starts
 * the migration as an ECS Fargate task in the database's subnets and the Provider's {@code isComplete} handler polls
 * it until it stops, within {@link TaskProps#totalTimeout} (the Provider allows at most 2 hours); the resource
 * succeeds when the task exits 0 and fails with its exit code and log stream otherwise. The migration function
 * stays, for direct {@code status} and {@code deploy} commands.
 */
public final class SlipwayMigrations extends Construct {

    /** The migration function's handler in the {@code slipway-lambda-migrations} artifact. */
    public static final String HANDLER = "dev.slipway.lambda.migrations.MigrationFunction::handleRequest";

    /** The handlers of task mode, in the same artifact. */
    public static final String TASK_ON_EVENT = "dev.slipway.lambda.migrations.MigrationTaskFunction::onEvent";

    public static final String TASK_IS_COMPLETE = "dev.slipway.lambda.migrations.MigrationTaskFunction::isComplete";

    /**
     * The migration task: its image (the migration code and migrations, entry point {@code
     * dev.slipway.lambda.migrations.MigrationTask}; the blog's {@code -Pcontainer-image} builds one without Docker),
     * its size, the CPU architecture the image was built for, and how long the Provider waits for it.
     */
    public record TaskProps(
            ContainerImage image, int cpu, int memoryMb, CpuArchitecture architecture, Duration totalTimeout) {

        /** 1 vCPU, 2 GB, x86_64 (an image built on an x86_64 machine), 2 hours. */
        public static TaskProps of(ContainerImage image) {
            return new TaskProps(image, 1024, 2048, CpuArchitecture.X86_64, Duration.hours(2));
        }

        public TaskProps withSize(int cpu, int memoryMb) {
            return new TaskProps(image, cpu, memoryMb, architecture, totalTimeout);
        }

        public TaskProps withArchitecture(CpuArchitecture value) {
            return new TaskProps(image, cpu, memoryMb, value, totalTimeout);
        }

        /** At most 2 hours, the Provider framework's limit. */
        public TaskProps withTotalTimeout(Duration value) {
            return new TaskProps(image, cpu, memoryMb, architecture, value);
        }
    }

    /**
     * What the migrations are and how they run.
     *
     * @param migrationsRoot the directory with {@code postgresql/} and {@code mysql/}
     * @param artifact the migration function's zip, migrations inside (see examples/blog)
     * @param timeout the migration function's timeout (at most 15 minutes): the deploy answers CloudFormation
     *     with the reason 5 s before it ends, and waits for the database and another deploy's lock only until then
     * @param task run the migrations as an ECS Fargate task instead (see the class), or null
     */
    public record Props(Path migrationsRoot, Path artifact, Duration timeout, TaskProps task) {

        /** 5 minutes, in the function. */
        public static Props of(Path migrationsRoot, Path artifact) {
            return new Props(migrationsRoot, artifact, Duration.minutes(5), null);
        }

        public Props withTimeout(Duration value) {
            return new Props(migrationsRoot, artifact, value, task);
        }

        public Props withTask(TaskProps value) {
            return new Props(migrationsRoot, artifact, timeout, value);
        }
    }

    private final SlipwayFunction function;
    private final CustomResource resource;
    private final String schemaHash;

    /** {@link Props#of}: 5 minutes, in the function. */
    public SlipwayMigrations(
            Construct scope,
            String id,
            SlipwayNetwork network,
            SlipwayDatabase database,
            Path migrationsRoot,
            Path artifact) {
        this(scope, id, network, database, Props.of(migrationsRoot, artifact));
    }

    public SlipwayMigrations(
            Construct scope, String id, SlipwayNetwork network, SlipwayDatabase database, Props props) {
        super(scope, id);
        double seconds = props.timeout().toSeconds().doubleValue();
        if (seconds > 900 || seconds < 30) {
            throw new IllegalArgumentException(
                    "SlipwayMigrations.Props.timeout is " + props.timeout().toHumanString()
                            + "; Lambda allows 30 s to 15 minutes here. For longer migrations use withTask(TaskProps.of(image)).");
        }
        this.schemaHash = schemaHash(props.migrationsRoot(), props.artifact(), database.engine());
        this.function = new SlipwayFunction(
                this,
                "Function",
                network,
                database,
                SlipwayFunction.Props.of(HANDLER, props.artifact()).withTimeout(props.timeout()));
        Provider provider = props.task() == null
                ? Provider.Builder.create(this, "Provider")
                        .onEventHandler(function.alias())
                        .build()
                : new MigrationTaskProvider(this, "Task", network, database, props.artifact(), props.task()).provider();
        this.resource = CustomResource.Builder.create(this, "Resource")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::SlipwayMigrations")
                .properties(Map.of(
                        "SchemaHash", schemaHash, "Engine", database.engine().id()))
                .build();
        resource.getNode().addDependency(database.resource());
        Nag.providerFramework(provider);
    }

    /**
     * The custom resource's {@code SchemaHash}: SHA-256 of the engine's migrations as the zip holds them and of the
     * rest of the zip's content (the runner), so it changes exactly when what runs changes. Refuses a zip whose
     * migrations differ from {@code migrationsRoot} (edited after the last build).
     */
    public static String schemaHash(Path migrationsRoot, Path artifact, Engine engine) {
        return DeployedMigrations.schemaHash(migrationsRoot, artifact, engine);
    }

    /**
     * Makes each function (its code, version and alias) deploy only after the migrations succeeded. Only the
     * function: its security group must exist before the database admits it, which the migrations need first.
     */
    public void requiredBy(SlipwayFunction... handlers) {
        for (SlipwayFunction handler : handlers) {
            handler.function().getNode().addDependency(resource);
            handler.alias().getNode().addDependency(resource);
        }
    }

    public String schemaHash() {
        return schemaHash;
    }

    public SlipwayFunction function() {
        return function;
    }

    public CustomResource resource() {
        return resource;
    }
}
