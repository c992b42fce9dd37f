package dev.slipway.dataapi.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The proxy's metrics in Prometheus format (Micrometer): requests by operation and outcome with a latency
 * histogram, statements, bytes in and out, open transactions; HikariCP adds each pool's active, idle, pending
 * and acquire time ({@code hikaricp_connections_*}).
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DistributionSummary bytesIn;
    private final DistributionSummary bytesOut;
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, io.micrometer.core.instrument.Counter> statements =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Metrics(Supplier<Number> openTransactions) {
        Gauge.builder("dataapi.transactions.open", openTransactions).register(registry);
        bytesIn = DistributionSummary.builder("dataapi.request.bytes")
                .baseUnit("bytes")
                .register(registry);
        bytesOut = DistributionSummary.builder("dataapi.response.bytes")
                .baseUnit("bytes")
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void request(String operation, String outcome, Duration took, long in, long out) {
        String op = operation == null ? "unknown" : operation;
        // one Timer per operation and outcome, made once: this runs on every request
        timers.computeIfAbsent(
                        op + " " + outcome,
                        k -> Timer.builder("dataapi.requests")
                                .tag("operation", op)
                                .tag("outcome", outcome)
                                .publishPercentileHistogram()
                                .register(registry))
                .record(took);
        bytesIn.record(in);
        bytesOut.record(out);
    }

    public void statements(String operation, int count) {
        statements
                .computeIfAbsent(operation, op -> registry.counter("dataapi.statements", "operation", op))
                .increment(count);
    }

    public String scrape() {
        return registry.scrape();
    }
}
