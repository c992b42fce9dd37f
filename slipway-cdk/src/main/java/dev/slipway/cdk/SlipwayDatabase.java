package dev.slipway.cdk;

import dev.slipway.cdk.internal.Nag;
import dev.slipway.cdk.internal.RdsEngine;
import dev.slipway.core.Engine;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * Aurora Serverless v2, PostgreSQL or MySQL by one parameter: scales to zero by default (auto-pause after 5 idle
 * minutes; the migration function waits while it wakes), generated credentials in Secrets Manager rotated every
 * 30 days, encrypted storage, 7 days of backups, deletion protection on unless turned off, IAM authentication
 * enabled, logs exported. Optional: the RDS Data API, and an RDS Proxy in front. Or, with {@link
 * Props#withInstance}, one RDS instance (PostgreSQL 16 or MySQL 8.0, the majors Aurora's engines are
 * compatible with) with everything else the same: the cheapest real setup, for a small class without Aurora.
 */
public final class SlipwayDatabase extends Construct {

    /**
     * @param engine postgresql or mysql
     * @param minCapacity minimum ACUs; 0 pauses when idle (cheapest; about 15 s to wake)
     * @param maxCapacity maximum ACUs
     * @param databaseName the database the application uses
     * @param deletionProtection refuse stack deletion while true
     * @param dataApi enable the RDS Data API (HTTP endpoint)
     * @param rdsProxy put an RDS Proxy in front (connection pooling for many functions)
     * @param instance one RDS instance of this shape instead of Aurora Serverless v2; null for Aurora
     */
    public record Props(
            Engine engine,
            double minCapacity,
            double maxCapacity,
            String databaseName,
            boolean deletionProtection,
            boolean dataApi,
            boolean rdsProxy,
            InstanceProps instance) {

        public Props {
            if (dataApi && instance != null) {
                throw new IllegalArgumentException("The RDS Data API is Aurora's: an RDS instance has none. Use Aurora"
                        + " (no withInstance), or reach the instance through the self-hosted data proxy.");
            }
        }

        public Props(
                Engine engine,
                double minCapacity,
                double maxCapacity,
                String databaseName,
                boolean deletionProtection,
                boolean dataApi,
                boolean rdsProxy) {
            this(engine, minCapacity, maxCapacity, databaseName, deletionProtection, dataApi, rdsProxy, null);
        }

        /** Scale to zero, up to 2 ACUs, database {@code app}, deletion protection on, no Data API or proxy. */
        public static Props defaults(Engine engine) {
            return new Props(engine, 0, 2, "app", true, false, false);
        }

        /** One RDS instance of {@code shape} instead of Aurora Serverless v2 (capacity then does not apply). */
        public Props withInstance(InstanceProps shape) {
            return new Props(
                    engine, minCapacity, maxCapacity, databaseName, deletionProtection, dataApi, rdsProxy, shape);
        }

        /** Capacity range in ACUs; a minimum of 0 pauses the database when idle. */
        public Props withCapacity(double min, double max) {
            if (min < 0 || max < Math.max(min, 1)) {
                throw new IllegalArgumentException(
                        "Aurora Serverless v2 capacity must be 0 <= min <= max and max >= 1 ACU" + " (got " + min + ".."
                                + max + ").");
            }
            return new Props(engine, min, max, databaseName, deletionProtection, dataApi, rdsProxy, instance);
        }

        public Props withDeletionProtection(boolean on) {
            return new Props(engine, minCapacity, maxCapacity, databaseName, on, dataApi, rdsProxy, instance);
        }

        public Props withDataApi(boolean on) {
            return new Props(
                    engine, minCapacity, maxCapacity, databaseName, deletionProtection, on, rdsProxy, instance);
        }

        public Props withRdsProxy(boolean on) {
            return new Props(engine, minCapacity, maxCapacity, databaseName, deletionProtection, dataApi, on, instance);
        }
    }

    /**
     * One RDS instance.
     *
     * @param instanceClass e.g. {@code t4g.micro} (Graviton, burstable: the smallest that runs both engines)
     * @param storageGiB the allocated storage (gp3), at least 20
     * @param maxStorageGiB storage autoscaling's ceiling (at least {@code storageGiB})
     * @param multiAz a standby in a second availability zone (twice the cost; fails over in about a minute)
     */
    public record InstanceProps(String instanceClass, int storageGiB, int maxStorageGiB, boolean multiAz) {

        public InstanceProps {
            if (storageGiB < 20 || maxStorageGiB < storageGiB) {
                throw new IllegalArgumentException("RDS storage must be 20 GiB or more, and its autoscaling ceiling at"
                        + " least that (got " + storageGiB + " and " + maxStorageGiB + ").");
            }
        }

        /** {@code t4g.micro}, 20 GiB growing to 100, one zone. */
        public static InstanceProps small() {
            return new InstanceProps("t4g.micro", 20, 100, false);
        }
    }

    private final Props props;
    private final DatabaseCluster cluster;
    private final DatabaseInstance instance;
    private final DatabaseProxy proxy;

    public SlipwayDatabase(Construct scope, String id, SlipwayNetwork network, Props props) {
        super(scope, id);
        this.props = props;
        if (props.instance() != null) {
            this.cluster = null;
            this.instance = dev.slipway.cdk.internal.RdsInstance.create(this, network.vpc(), network.subnets(), props);
            this.proxy = props.rdsProxy() ? instance.addProxy("Proxy", proxyOptions(network)) : null;
            return;
        }
        this.instance = null;
        RdsEngine rds = RdsEngine.of(props.engine());
        IClusterEngine engine = rds.clusterEngine();
        DatabaseCluster.Builder builder = DatabaseCluster.Builder.create(this, "Cluster");
        if (!rds.clusterLogParameters().isEmpty()) {
            // Aurora MySQL writes no slow-query or audit log unless its cluster parameters say so; the exports below
            // would stay empty.
            builder.parameterGroup(software.amazon.awscdk.services.rds.ParameterGroup.Builder.create(this, "Parameters")
                    .engine(engine)
                    .description("Slipway: slow-query and audit logs for the CloudWatch Logs exports")
                    .parameters(rds.clusterLogParameters())
                    .build());
        }
        this.cluster = builder.engine(engine)
                .writer(ClusterInstance.serverlessV2("Writer"))
                .serverlessV2MinCapacity(props.minCapacity())
                .serverlessV2MaxCapacity(props.maxCapacity())
                .vpc(network.vpc())
                .vpcSubnets(network.subnets())
                .credentials(Credentials.fromGeneratedSecret("slipway"))
                .defaultDatabaseName(props.databaseName())
                .storageEncrypted(true)
                .iamAuthentication(true)
                .backup(BackupProps.builder().retention(Duration.days(7)).build())
                .deletionProtection(props.deletionProtection())
                .removalPolicy(props.deletionProtection() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .enableDataApi(props.dataApi())
                .cloudwatchLogsExports(rds.clusterLogExports())
                .build();
        cluster.addRotationSingleUser(RotationSingleUserOptions.builder()
                .automaticallyAfter(Duration.days(30))
                .vpcSubnets(network.subnets())
                .build());
        this.proxy = props.rdsProxy() ? cluster.addProxy("Proxy", proxyOptions(network)) : null;
        Nag.suppress(
                cluster,
                "AwsSolutions-RDS11",
                "The engine's default port: a different one hides nothing from"
                        + " a client inside the VPC, and the security group admits only the functions.");
        if (rds.nagAsksForBacktrack()) {
            Nag.suppress(
                    cluster,
                    "AwsSolutions-RDS14",
                    "Backtrack is not available for Aurora Serverless v2;"
                            + " point-in-time restore from the 7-day backups covers recovery.");
        }
        if (!props.deletionProtection()) {
            Nag.suppress(
                    cluster,
                    "AwsSolutions-RDS10",
                    "Deletion protection turned off on purpose for this"
                            + " (development) stack; production stacks keep the default.");
        }
    }

    private DatabaseProxyOptions proxyOptions(SlipwayNetwork network) {
        return DatabaseProxyOptions.builder()
                .secrets(List.of(secret()))
                .vpc(network.vpc())
                .vpcSubnets(network.subnets())
                .requireTls(true)
                .build();
    }

    public Engine engine() {
        return props.engine();
    }

    /** Whether the cluster's RDS Data API (HTTP endpoint) is on ({@link Props#withDataApi}). */
    public boolean dataApiEnabled() {
        return props.dataApi();
    }

    /** The database the cluster creates, which functions use. */
    public String databaseName() {
        return props.databaseName();
    }

    /** The Aurora cluster; refused for a database made {@link Props#withInstance} (it has none). */
    public DatabaseCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("This SlipwayDatabase is an RDS instance, not an Aurora cluster: use"
                    + " resource() for dependencies; the Data API needs Aurora.");
        }
        return cluster;
    }

    /** The cluster or the instance: what a resource that needs the database running depends on. */
    public Construct resource() {
        return cluster != null ? cluster : instance;
    }

    /** The cluster's ARN, or the instance's: what a data proxy's requests name as {@code resourceArn}. */
    public String arn() {
        return cluster != null ? cluster.getClusterArn() : instance.getInstanceArn();
    }

    /** Whether this is one RDS instance rather than Aurora Serverless v2. */
    public boolean isInstance() {
        return instance != null;
    }

    /** The generated secret in the RDS shape (username, password, host, port, dbname, engine). */
    public ISecret secret() {
        return cluster != null ? cluster.getSecret() : instance.getSecret();
    }

    /** Where functions connect: the RDS Proxy's endpoint when there is one, else empty (the secret's host). */
    public java.util.Optional<String> proxyEndpoint() {
        return java.util.Optional.ofNullable(proxy).map(DatabaseProxy::getEndpoint);
    }

    /** Lets {@code client} reach the database (and the proxy, when there is one) on the engine's port only. */
    public void allowFrom(IConnectable client) {
        (cluster != null ? cluster.getConnections() : instance.getConnections())
                .allowDefaultPortFrom(client, "Slipway function");
        if (proxy != null)
            proxy.getConnections().allowFrom(client, Port.tcp(props.engine().defaultPort()));
    }
}
