package dev.slipway.bench;

import java.util.List;

/** Percentiles of a list of milliseconds. */
final class Stats {
    private Stats() {}

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
