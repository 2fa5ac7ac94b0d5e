package fr.capemploi.platform.config;

import java.time.Duration;
import java.util.stream.LongStream;

/**
 * The bounds of the histograms the event pipeline's timers publish (outbox to broker, broker to projection, recording
 * to projection commit). Their percentiles are a decaying window of the last minutes, which mixes a run with what came
 * before it; cumulative buckets let a reader take the difference between two scrapes and get the distribution of
 * exactly that interval (the benchmarks do: bench/JOURNAL.md, "Event to indicator"). Dense around the goals (250 ms at
 * 200 events/s, 1 s at the highest rate sustained).
 */
public final class LatencyBuckets {

    private static final Duration[] BOUNDS = LongStream.of(5, 10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750,
            1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 30_000).mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private LatencyBuckets() {
    }

    public static Duration[] bounds() {
        return BOUNDS.clone();
    }
}
