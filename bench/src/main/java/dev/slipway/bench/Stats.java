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

    /** The median of column {@code index} over runs that each measured several figures. */
    static double median(List<double[]> runs, int index) {
        List<Double> values = new java.util.ArrayList<>();
        for (double[] run : runs) values.add(run[index]);
        return percentile(values, 50);
    }

    /** The number of a probe's {@code name=value} output. */
    static double value(String part) {
        return Double.parseDouble(part.substring(part.indexOf('=') + 1));
    }
}
