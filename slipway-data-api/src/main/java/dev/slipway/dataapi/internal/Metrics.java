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
        Timer.builder("dataapi.requests")
                .tag("operation", operation == null ? "unknown" : operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
        bytesIn.record(in);
        bytesOut.record(out);
    }

    public void statements(String operation, int count) {
        registry.counter("dataapi.statements", "operation", operation).increment(count);
    }

    public String scrape() {
        return registry.scrape();
    }
}
