package fr.capemploi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The highest resident memory of each of the stack's Java processes (services, broker) between two looks, sampled
 * twice a second from {@code /proc/<pid>/statm}: #11 bounds a service's resident size (300 MiB), and a rebuild's peak
 * lasts seconds, which one reading at a phase's end misses. PostgreSQL is left out: its processes share their buffers,
 * and a sum of their resident sizes counts those once per backend.
 */
final class ResidentPeaks implements AutoCloseable {

    private final ProcessCpu processes;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final Map<String, Long> wholeRun = new ConcurrentHashMap<>();
    private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "resident-peaks");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<Long, String> pids = Map.of();
    /** Only the sampling thread counts them, after the constructor's first sample. */
    private long samples;

    ResidentPeaks(ProcessCpu processes) {
        this.processes = processes;
        sample();
        every.scheduleWithFixedDelay(this::sample, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        // the pids looked up again every 10 s: a restarted service runs under another
        if (samples++ % 20 == 0) {
            pids = processes.javaProcesses();
        }
        pids.forEach((pid, component) -> {
            try {
                // statm's second field: resident pages of 4 KiB
                long pages = Long.parseLong(Files.readString(Path.of("/proc", pid.toString(), "statm")).split(" ")[1]);
                peaks.merge(component, pages * 4 / 1024, Math::max);
                wholeRun.merge(component, pages * 4 / 1024, Math::max);
            } catch (IOException | RuntimeException gone) {
                // the process ended between two look-ups
            }
        });
    }

    /** The peaks since the previous call (or the start), in MiB, and a fresh start for the next. */
    Map<String, Long> takePeaks() {
        Map<String, Long> taken = new TreeMap<>();
        peaks.keySet().forEach(component -> taken.put(component, peaks.remove(component)));
        return taken;
    }

    /** The peaks since this sampler started, in MiB. */
    Map<String, Long> wholeRun() {
        return new TreeMap<>(wholeRun);
    }

    /** A line for a phase's output: the peaks since the previous look, every process. */
    String line() {
        return "resident peak (MiB, sampled every 0.5 s): " + takePeaks();
    }

    @Override
    public void close() {
        every.shutdownNow();
    }
}
