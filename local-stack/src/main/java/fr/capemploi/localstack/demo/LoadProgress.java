package fr.capemploi.localstack.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The load's progress bar, in the style of the start-up board: redrawn in place on a terminal, one line every few
 * seconds otherwise. Shows steps done out of those planned, the HTTP rate (requests per second, retries included)
 * and the time left at the recent rate.
 */
final class LoadProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean redraw;
    private final long total;
    private final LongSupplier requests;
    private final AtomicLong done = new AtomicLong();
    private final long origin = System.nanoTime();
    private ScheduledExecutorService ticker;
    private long lastPrinted;
    private long windowStart = System.nanoTime();
    private long windowDone;
    private double rate;

    LoadProgress(PrintStream out, boolean redraw, long total, LongSupplier requests) {
        this.out = out;
        this.redraw = redraw;
        this.total = Math.max(1, total);
        this.requests = requests;
    }

    void step() {
        done.incrementAndGet();
    }

    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        print(true);
        if (redraw) {
            out.println();
        }
        out.flush();
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        long current = done.get();
        double window = (now - windowStart) / 1e9;
        if (window >= 5) {
            // the rate of the last seconds gives the estimate: start-up and the end differ from the middle
            rate = (current - windowDone) / window;
            windowStart = now;
            windowDone = current;
        } else if (rate == 0 && window > 1) {
            rate = (current - windowDone) / window;
        }
        if (redraw || now - lastPrinted >= 5_000_000_000L) {
            print(false);
            lastPrinted = now;
        }
    }

    private synchronized void print(boolean last) {
        long current = Math.min(done.get(), total);
        double elapsed = (System.nanoTime() - origin) / 1e9;
        double share = (double) current / total;
        int filled = (int) Math.round(share * WIDTH);
        double requestRate = elapsed > 0 ? requests.getAsLong() / elapsed : 0;
        String eta = last ? "done in " + duration(elapsed)
                : rate > 0 ? "ETA " + duration((total - current) / rate) : "ETA …";
        String line = String.format(Locale.ROOT, "  demo [%s%s] %3.0f %% %,d/%,d steps · %.0f req/s · %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), share * 100, current, total, requestRate, eta);
        if (redraw) {
            out.print("\r\u001b[2K" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
