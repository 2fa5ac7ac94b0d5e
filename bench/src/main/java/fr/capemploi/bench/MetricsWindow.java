package fr.capemploi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's meters counted between two scrapes of its Prometheus page. A timer's percentiles there are a
 * decaying window over the last minutes (they still hold a warm-up or the previous run); its cumulative buckets
 * (platform {@code LatencyBuckets}) are not, so the difference of two scrapes is the distribution of exactly the
 * interval between them.
 */
final class MetricsWindow {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})?\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final String before;
    private final String after;

    MetricsWindow(String before, String after) {
        this.before = before;
        this.after = after;
    }

    /** The increase of a counter (or a timer's {@code _count}, {@code _sum}), summed over the series whose labels contain {@code labels}. */
    double increase(String name, String labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    /** A gauge's value (summed over the series whose labels contain {@code labels}) at the window's end. */
    double atEnd(String name, String labels) {
        return sum(after, name, labels);
    }

    /**
     * What the service's collector did in the window, from Micrometer's JVM meters: young and full collections and
     * their pauses, what the young ones promoted, what was allocated, per {@code operation} (a rebuilt event...), and
     * the heap committed at the end. A full collection stops every thread of the service for its whole pause.
     */
    String collections(String operation, double operations) {
        double young = increase("jvm_gc_pause_seconds_count", "end of minor GC");
        double full = increase("jvm_gc_pause_seconds_count", "end of major GC");
        return ("collector: %.0f young collections (%.2f s of pauses), %.0f full (%.2f s); %.0f MB promoted; %.1f KB"
                + " allocated a %s; heap committed at the end %.0f MiB").formatted(young,
                increase("jvm_gc_pause_seconds_sum", "end of minor GC"), full,
                increase("jvm_gc_pause_seconds_sum", "end of major GC"),
                increase("jvm_gc_memory_promoted_bytes_total", "") / 1e6,
                increase("jvm_gc_memory_allocated_bytes_total", "") / 1e3 / Math.max(1, operations), operation,
                atEnd("jvm_memory_committed_bytes", "area=\"heap\"") / (1 << 20));
    }

    /** The distribution of one histogram in the window; empty when nothing was recorded. */
    Histogram histogram(String name, String labels) {
        Map<Double, Double> start = buckets(before, name, labels);
        Map<Double, Double> end = buckets(after, name, labels);
        TreeMap<Double, Double> window = new TreeMap<>();
        end.forEach((bound, count) -> window.put(bound, count - start.getOrDefault(bound, 0.0)));
        return new Histogram(window);
    }

    private static double sum(String page, String name, String labels) {
        double total = 0;
        Matcher m = SAMPLE.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(name) && labels(m).contains(labels)) {
                total += Double.parseDouble(m.group(3));
            }
        }
        return total;
    }

    private static Map<Double, Double> buckets(String page, String name, String labels) {
        Map<Double, Double> buckets = new TreeMap<>();
        Matcher m = SAMPLE.matcher(page);
        while (m.find()) {
            if (!m.group(1).equals(name + "_bucket") || !labels(m).contains(labels)) {
                continue;
            }
            Matcher le = LE.matcher(labels(m));
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.merge(bound, Double.parseDouble(m.group(3)), Double::sum);
            }
        }
        return buckets;
    }

    private static String labels(Matcher sample) {
        return sample.group(2) == null ? "" : sample.group(2);
    }

    /** Cumulative counts per upper bound (seconds, or records for a summary), of the window. */
    record Histogram(TreeMap<Double, Double> cumulative) {

        double count() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        /** The share of the window at or below {@code bound} (one of the buckets' bounds). */
        double shareAtMost(double bound) {
            Double at = cumulative.get(bound);
            return at == null || count() == 0 ? Double.NaN : at / count();
        }

        /**
         * The q-quantile, interpolated linearly inside its bucket (as Prometheus' histogram_quantile does); infinite
         * when it lies beyond the last finite bound.
         */
        double quantile(double q) {
            double total = count();
            if (total == 0) {
                return Double.NaN;
            }
            double rank = q * total;
            double lowerBound = 0;
            double lowerCount = 0;
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double inBucket = bucket.getValue() - lowerCount;
                    return inBucket <= 0 ? bucket.getKey()
                            : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
                }
                lowerBound = bucket.getKey();
                lowerCount = bucket.getValue();
            }
            return Double.NaN;
        }

        /** p50 / p95 / p99 in ms, for a timer in seconds. */
        String millis() {
            List<String> parts = new ArrayList<>();
            for (double q : new double[] {0.50, 0.95, 0.99}) {
                double value = quantile(q);
                parts.add(Double.isInfinite(value) ? "> 30 s" : String.format("%.0f", value * 1000));
            }
            return String.join(" / ", parts) + " ms";
        }
    }
}
