package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Event to indicator through the REST API: level-1 contacts are POSTed to cep-service at a steady rate (the whole
 * path a counsellor's act takes: request, transaction with its outbox row, relay, broker, reporting's live channel,
 * projection commit). Percentiles come from the services' histograms over exactly the measured run (the difference
 * of two scrapes, {@link MetricsWindow}): recording to projection commit (reporting), recording to the broker's
 * acknowledgement (cep's relay), the relay's send to the start of the apply (reporting's channel). It prints whether
 * the rate was sustained, and by what (see {@link #verdict}).
 */
public final class EventToIndicatorThroughApiBench {

    private static final String BODY = """
            {"contactDate":"2016-03-14","channel":"PHONE","request":"CPF_INFORMATION","liaisonSheetIssued":false}""";

    /**
     * At most this many requests on the wire at once: far more than a service that keeps up needs (rate × latency),
     * so that a service that does not keep up shows it as a growing queue in the client, not as a lower rate.
     */
    private static final int CONNECTIONS = 64;

    private static final String CEP_FACTS = "cep-facts";
    private static final String LIVE_CHANNEL = "channel=\"projections\"";

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        try (BenchStack stack = new BenchStack("event-to-indicator-api", SuiteService.CEP, SuiteService.REPORTING)) {
            String token = stack.token("counsellor", UUID.randomUUID());
            URI uri = URI.create(stack.baseUri(SuiteService.CEP) + "/api/v1/cep/level1-contacts");
            // one Vert.x event loop sends on schedule: the JDK's HttpClient cost 1.3-1.5 ms of CPU per request, taken
            // from the two cores the services share (bench/JOURNAL.md), and at 800/s would have been a core of its own
            try (HttpLoad http = new HttpLoad(uri, token, BODY, CONNECTIONS)) {
                // warm-up: the services' JIT and the reporting service's first batches, then 20 s at the full rate
                // (pools, the JIT of what only a high rate exercises): none of it measured, the first seconds at a
                // new rate being a surge of their own
                http.atRate(Math.min(rate, 200), Duration.ofSeconds(20), 201);
                if (rate > 200) {
                    http.atRate(rate, Duration.ofSeconds(20), 201);
                }
                if (!caughtUp(stack, Duration.ofMinutes(3))) {
                    System.out.println("reporting had not caught up with the warm-up after 3 min: measuring anyway");
                }
                String cepBefore = stack.metrics(SuiteService.CEP);
                String reportingBefore = stack.metrics(SuiteService.REPORTING);
                ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
                var cpuBefore = cpu.snapshot();
                String loadBefore = BenchStack.load();
                LagSamples lag = new LagSamples(stack);
                lag.start();
                HttpLoad.OpenLoop run = http.atRate(rate, Duration.ofSeconds(seconds), 201);
                long lastAnswer = System.nanoTime();
                boolean drained = caughtUp(stack, Duration.ofMinutes(5));
                long drainMillis = (System.nanoTime() - lastAnswer) / 1_000_000;
                lag.stop();
                var cpuAfter = cpu.snapshot();
                MetricsWindow cep = new MetricsWindow(cepBefore, stack.metrics(SuiteService.CEP));
                MetricsWindow reporting = new MetricsWindow(reportingBefore, stack.metrics(SuiteService.REPORTING));

                long applied = Math.round(reporting.increase("projection_events_applied_total", CEP_FACTS));
                long duplicates = Math.round(reporting.increase("projection_events_duplicates_total", CEP_FACTS));
                System.out.printf("rate %d writes/s for %d s through POST /api/v1/cep/level1-contacts: %d answered 201 "
                        + "(%.0f/s), %d failed; %d events applied by the cep-facts projection, %d duplicates passed "
                        + "over (%s at the start, %s at the end)%n", rate, seconds, run.answered().count(),
                        run.answered().rate(), run.failed(), applied, duplicates, loadBefore, BenchStack.load());
                System.out.printf("API answer p50 %.1f ms, p99 %.1f ms; requests waiting for their answer: at most %d "
                        + "at once, the most each second %s%n", run.answered().p(0.50), run.answered().p(0.99),
                        run.maxInFlight(), java.util.Arrays.toString(run.inFlightEachSecond()));
                System.out.printf("reporting's lag (events not applied yet) each second %s; caught up %s ms after "
                        + "the last answer%n", lag.samples(), drained ? Long.toString(drainMillis) : "not within 5 min, "
                        + drainMillis);
                System.out.println("  " + ProcessCpu.perOperation("event", cpuBefore, cpuAfter, run.answered().count()));

                MetricsWindow.Histogram endToEnd = reporting.histogram("projection_event_latency_seconds", CEP_FACTS);
                MetricsWindow.Histogram relay = cep.histogram("outbox_publish_lag_seconds", "");
                MetricsWindow.Histogram delivery = reporting.histogram("projection_channel_delivery_wait_seconds",
                        LIVE_CHANNEL);
                System.out.printf("where an event waits, p50 / p95 / p99 over the run: recorded -> acknowledged by the "
                        + "broker (cep's relay) %s; relay's send -> start of its batch's apply (reporting's fetch "
                        + "and queue) %s%n", relay.millis(), delivery.millis());
                System.out.printf("batches: %.1f rows per relay round (%.0f rounds/s), %.1f records per batch of "
                        + "reporting's live channel (%.0f batches/s)%n",
                        ratio(cep.increase("outbox_relay_batch_rows_sum", ""),
                                cep.increase("outbox_relay_batch_rows_count", "")),
                        cep.increase("outbox_relay_batch_rows_count", "") / seconds,
                        ratio(reporting.increase("projection_channel_batch_records_sum", LIVE_CHANNEL),
                                reporting.increase("projection_channel_batch_records_count", LIVE_CHANNEL)),
                        reporting.increase("projection_channel_batch_records_count", LIVE_CHANNEL) / seconds);
                System.out.printf("event to indicator (recording in cep-service -> projection commit), %d events of "
                        + "the run: p50 / p95 / p99 %s; within 250 ms %.1f %%, within 1 s %.2f %%%n",
                        Math.round(endToEnd.count()), endToEnd.millis(), 100 * endToEnd.shareAtMost(0.25),
                        100 * endToEnd.shareAtMost(1.0));
                System.out.println(verdict(rate, seconds, run, applied, duplicates, lag, drained, drainMillis,
                        endToEnd));
            }
        }
    }

    /**
     * Sustained: every request answered 201 and none failed; every answered contact applied by the projection exactly
     * once (nothing lost, nothing counted twice); the backlog — requests waiting for their answer plus events not yet
     * applied by reporting — not growing: over the run it rose by less than one second of arrivals (the slope of a
     * least-squares line through its per-second samples, times the run's length, skipping the first 5 s); and
     * reporting caught up within 2 s of the last answer.
     */
    private static String verdict(int rate, int seconds, HttpLoad.OpenLoop run, long applied, long duplicates,
            LagSamples lag, boolean drained, long drainMillis, MetricsWindow.Histogram endToEnd) {
        List<String> missed = new ArrayList<>();
        if (run.failed() > 0 || run.answered().count() != (long) rate * seconds) {
            missed.add(run.failed() + " requests failed");
        }
        if (applied != run.answered().count() || duplicates != 0) {
            missed.add(applied + " applied, " + duplicates + " duplicates for " + run.answered().count() + " answered");
        }
        int[] inFlight = run.inFlightEachSecond();
        List<Long> lagEachSecond = lag.samples();
        double[] backlog = new double[Math.min(inFlight.length, lagEachSecond.size())];
        for (int i = 0; i < backlog.length; i++) {
            backlog[i] = inFlight[i] + Math.max(0, lagEachSecond.get(i));
        }
        double growth = slope(backlog, 5) * seconds;
        if (growth >= rate) {
            missed.add(String.format("backlog grew by %.0f events (%.1f s of arrivals)", growth, growth / rate));
        }
        if (!drained || drainMillis > 2_000) {
            missed.add("reporting caught up " + drainMillis + " ms after the last answer");
        }
        double p99 = endToEnd.quantile(0.99);
        String latency = String.format("p99 %s the 1 s goal", p99 <= 1.0 ? "within" : "over");
        return missed.isEmpty()
                ? String.format("SUSTAINED at %d/s (backlog change over the run %+.0f events); %s", rate, growth, latency)
                : "NOT SUSTAINED at " + rate + "/s: " + String.join("; ", missed) + "; " + latency;
    }

    /** Least-squares slope per sample (per second) of {@code values} from index {@code from}. */
    private static double slope(double[] values, int from) {
        int n = values.length - from;
        if (n < 3) {
            return 0;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = from; i < values.length; i++) {
            meanX += i;
            meanY += values[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (int i = from; i < values.length; i++) {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return covariance / variance;
    }

    private static double ratio(double sum, double count) {
        return count == 0 ? Double.NaN : sum / count;
    }

    private static boolean caughtUp(BenchStack stack, Duration timeout) throws InterruptedException {
        try {
            stack.awaitReportingLagZero(timeout);
            return true;
        } catch (IllegalStateException notInTime) {
            return false;
        }
    }

    /** Reporting's lag, read once a second by a thread of its own while the load runs (-1: unknown at that moment). */
    private static final class LagSamples {
        private final BenchStack stack;
        private final List<Long> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean running = true;

        LagSamples(BenchStack stack) {
            this.stack = stack;
            this.thread = new Thread(this::sample, "lag-samples");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void sample() {
            long start = System.nanoTime();
            for (int second = 0; running; second++) {
                long value;
                try {
                    value = stack.reportingLag();
                } catch (RuntimeException e) {
                    value = -1;
                }
                samples.add(value);
                long next = start + (second + 1) * 1_000_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }

        List<Long> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
    }
}
