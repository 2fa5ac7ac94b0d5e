package fr.capemploi.platform.config;

import java.time.Duration;

/** Exponential back-off between a floor and a ceiling, reset by the first success. */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private long currentMillis;

    public Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.currentMillis = 0;
    }

    /** The delay to wait after one more consecutive failure. */
    public long nextDelayMillis() {
        currentMillis = currentMillis == 0 ? minMillis : Math.min(maxMillis, currentMillis * 2);
        return currentMillis;
    }

    public void reset() {
        currentMillis = 0;
    }

    public boolean failing() {
        return currentMillis != 0;
    }
}
