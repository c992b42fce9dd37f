package dev.slipway.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What an operator looks at: one CloudWatch dashboard for the stack and alarms on what breaks an application of
 * this shape, each with the threshold in its description: the API's 5xx rate (over 5% of at least 20 requests in
 * 5 minutes), each function's errors, throttles and p99 duration (over 80% of its timeout), the migration
 * function's failures (any), and the database's connections, CPU and, on Aurora, capacity (over 80% of the
 * maximum ACUs). Alarms notify an SNS topic (encrypted, TLS only) when {@link Props#alarmTopic} is on; else they only
 * show on the dashboard and in the console.
 */
public final class SlipwayMonitoring extends Construct {

    /**
     * @param alarmTopic make an SNS topic the alarms notify (subscribe to it, e.g. by email, outside the stack)
     * @param maxConnections the database connections that are too many (the engine's limit for the instance
     *     size, less a margin)
     */
    public record Props(boolean alarmTopic, int maxConnections) {

        /** A topic, and 80 connections (a small instance's limit is about 100 on both engines). */
        public static Props defaults() {
            return new Props(true, 80);
        }
    }

    private final List<Alarm> alarms = new ArrayList<>();
    private final Topic topic;
    private final Dashboard dashboard;

    public SlipwayMonitoring(
            Construct scope,
            String id,
            SlipwayHttpApi api,
            Map<String, SlipwayFunction> functions,
            SlipwayMigrations migrations,
            SlipwayDatabase database,
            Props props) {
        super(scope, id);
        this.topic = props.alarmTopic()
                ? Topic.Builder.create(this, "Alarms")
                        .enforceSsl(true)
                        .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                        .build()
                : null;
        this.dashboard = Dashboard.Builder.create(this, "Dashboard").build();

        Duration five = Duration.minutes(5);
        IMetric requests =
                api.api().metricCount(MetricOptions.builder().period(five).build());
        IMetric serverErrors =
                api.api().metricServerError(MetricOptions.builder().period(five).build());
        MathExpression errorRate = MathExpression.Builder.create()
                .expression("IF(requests >= 20, 100 * errors / requests, 0)")
                .usingMetrics(Map.of("requests", requests, "errors", serverErrors))
                .label("5xx %")
                .period(five)
                .build();
        alarm("Api5xx", errorRate, 5, "API 5xx rate over 5% (of at least 20 requests in 5 minutes)");
        dashboard.addWidgets(graph("API requests and 5xx", requests, serverErrors), graph("API 5xx %", errorRate));

        functions.forEach((name, function) -> watch(dashboard, name, function));
        IMetric migrationErrors = migrations.function().function().metricErrors(sum(five));
        alarm(
                "MigrationFailures",
                migrationErrors,
                1,
                "the migration function failed (see its log, then deploy again)");
        dashboard.addWidgets(graph("migration function errors", migrationErrors));

        String dimension = database.isInstance() ? "DBInstanceIdentifier" : "DBClusterIdentifier";
        String identifier;
        if (database.resource() instanceof software.amazon.awscdk.services.rds.DatabaseInstance instance) {
            identifier = instance.getInstanceIdentifier();
        } else {
            identifier = database.cluster().getClusterIdentifier();
        }
        IMetric connections = rds("DatabaseConnections", dimension, identifier, "Maximum");
        IMetric cpu = rds("CPUUtilization", dimension, identifier, "Average");
        alarm(
                "DatabaseConnections",
                connections,
                props.maxConnections(),
                "database connections over " + props.maxConnections()
                        + " (the functions keep one each; a flood exhausts the database)");
        alarm("DatabaseCpu", cpu, 80, "database CPU over 80% for 15 minutes", 3);
        List<IMetric> databaseMetrics = new ArrayList<>(List.of(connections, cpu));
        if (!database.isInstance()) {
            IMetric capacity = rds("ACUUtilization", dimension, identifier, "Maximum");
            alarm("DatabaseCapacity", capacity, 80, "Aurora capacity over 80% of its maximum ACUs for 15 minutes", 3);
            databaseMetrics.add(capacity);
        }
        dashboard.addWidgets(graph("database", databaseMetrics.toArray(IMetric[]::new)));
    }

    /**
     * Alarms and graphs for a data proxy service, from what its load balancer and ECS report without an agent:
     * target 5xx (the proxy answers 503 when a pool stays full for its borrow timeout, and 5xx when it lost its
     * database; 10 or more in 5 minutes), the load balancer's own 5xx (no healthy task: any), unhealthy tasks (any,
     * for 3 minutes), p99 response time (over 5 s) and the tasks' CPU (over 80% for 15 minutes).
     */
    public void watch(SlipwayDataApiService service) {
        Duration five = Duration.minutes(5);
        var metrics = service.targetGroup().getMetrics();
        IMetric target5xx = metrics.httpCodeTarget(
                software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget.TARGET_5XX_COUNT, sum(five));
        IMetric balancer5xx = service.loadBalancer()
                .getMetrics()
                .httpCodeElb(
                        software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb.ELB_5XX_COUNT, sum(five));
        IMetric unhealthy = metrics.unhealthyHostCount(MetricOptions.builder()
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build());
        IMetric p99 = metrics.targetResponseTime(
                MetricOptions.builder().statistic("p99").period(five).build());
        IMetric cpu = service.service()
                .metricCpuUtilization(MetricOptions.builder().period(five).build());
        alarm("DataApi5xx", target5xx, 10, "data proxy: 10 or more 5xx in 5 minutes (503: a pool stayed full)");
        alarm("DataApiLoadBalancer5xx", balancer5xx, 1, "data proxy load balancer answered 5xx (no healthy task?)");
        alarm("DataApiUnhealthy", unhealthy, 1, "data proxy: a task failed its /health check for 3 minutes", 3);
        alarm("DataApiLatencyP99", p99, 5, "data proxy: p99 response time over 5 s");
        alarm("DataApiCpu", cpu, 80, "data proxy tasks' CPU over 80% for 15 minutes", 3);
        dashboard.addWidgets(
                graph("data proxy 5xx", target5xx, balancer5xx, unhealthy), graph("data proxy p99 s, CPU %", p99, cpu));
    }

    private void watch(Dashboard dashboard, String name, SlipwayFunction function) {
        Duration five = Duration.minutes(5);
        var fn = function.function();
        IMetric errors = fn.metricErrors(sum(five));
        IMetric throttles = fn.metricThrottles(sum(five));
        IMetric p99 = fn.metricDuration(
                MetricOptions.builder().statistic("p99").period(five).build());
        double timeoutMs = fn.getTimeout() == null
                ? 30_000
                : fn.getTimeout().toMilliseconds().doubleValue();
        alarm(name + "Errors", errors, 5, "function " + name + ": 5 or more errors in 5 minutes");
        alarm(name + "Throttles", throttles, 1, "function " + name + " was throttled (concurrency limit)");
        alarm(
                name + "DurationP99",
                p99,
                0.8 * timeoutMs,
                "function " + name + ": p99 duration over 80% of its timeout");
        dashboard.addWidgets(graph("function " + name, errors, throttles), graph("function " + name + " p99 ms", p99));
    }

    private static MetricOptions sum(Duration period) {
        return MetricOptions.builder().statistic("Sum").period(period).build();
    }

    private static IMetric rds(String name, String dimension, String identifier, String statistic) {
        return Metric.Builder.create()
                .namespace("AWS/RDS")
                .metricName(name)
                .dimensionsMap(Map.of(dimension, identifier))
                .statistic(statistic)
                .period(Duration.minutes(5))
                .build();
    }

    private void alarm(String id, IMetric metric, double threshold, String description) {
        alarm(id, metric, threshold, description, 1);
    }

    private void alarm(String id, IMetric metric, double threshold, String description, int periods) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        if (topic != null) alarm.addAlarmAction(new SnsAction(topic));
        alarms.add(alarm);
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(12)
                .build();
    }

    /** The alarms, e.g. to add actions of your own. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The topic the alarms notify; null without {@link Props#alarmTopic}. */
    public Topic topic() {
        return topic;
    }
}
