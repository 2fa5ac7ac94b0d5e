package fr.capemploi.platform.ratelimit;

import fr.capemploi.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters per key (a client address, a partner). In memory, per service instance: a limit against one
 * caller flooding an instance, not a global quota. The map is purged of ended windows when it grows, so a flood of
 * distinct keys cannot exhaust the heap.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int PURGE_ABOVE = 10_000;

    private final boolean enabled;
    private final long windowNanos;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(PlatformConfig config) {
        this.enabled = config.rateLimit().enabled();
        this.windowNanos = config.rateLimit().window().toNanos();
    }

    private record Window(long start, AtomicInteger count) {
    }

    /** Counts one event for the key; returns true while the key is within {@code limit} events of its window. */
    public boolean acquire(String key, int limit) {
        if (!enabled) {
            return true;
        }
        return current(key).count().incrementAndGet() <= limit;
    }

    /** Counts one event for the key without deciding anything (a failed authentication). */
    public void record(String key) {
        if (enabled) {
            current(key).count().incrementAndGet();
        }
    }

    /** When the key is over {@code limit} in its window: how long until the window ends, in whole seconds (≥ 1). */
    public OptionalLong blockedFor(String key, int limit) {
        if (!enabled) {
            return OptionalLong.empty();
        }
        Window window = windows.get(key);
        long now = System.nanoTime();
        if (window == null || now - window.start() >= windowNanos || window.count().get() < limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(retryAfterSeconds(window, now));
    }

    /** Seconds until the key's current window ends (≥ 1). */
    public long retryAfter(String key) {
        Window window = windows.get(key);
        return window == null ? 1 : retryAfterSeconds(window, System.nanoTime());
    }

    private long retryAfterSeconds(Window window, long now) {
        long left = window.start() + windowNanos - now;
        return Math.max(1, Duration.ofNanos(left).toSeconds() + (left % 1_000_000_000L == 0 ? 0 : 1));
    }

    private Window current(String key) {
        long now = System.nanoTime();
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(w -> now - w.start() >= windowNanos);
        }
        return windows.compute(key, (k, w) -> w == null || now - w.start() >= windowNanos
                ? new Window(now, new AtomicInteger()) : w);
    }
}
