package fr.capemploi.bench;

import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.localstack.SuiteService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event to indicator: events are published at a steady rate, as the services' relays would, and the reporting
 * service's own timer (from the event's recording to the commit that makes it visible to indicator queries) gives
 * the percentiles. Also checks that every event was counted once.
 */
public final class EventToIndicatorBench {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        try (BenchStack stack = new BenchStack("event-to-indicator", SuiteService.REPORTING)) {
            long before = structures(stack);
            // warm-up so the JIT and the connection pools are in their steady state
            send(stack, rate, 10);
            stack.awaitReportingLagZero(Duration.ofMinutes(2));
            long warm = structures(stack);
            stack.metrics(SuiteService.REPORTING);
            int sent = send(stack, rate, seconds);
            stack.awaitReportingLagZero(Duration.ofMinutes(5));
            long counted = structures(stack) - warm;
            String metrics = stack.metrics(SuiteService.REPORTING);
            System.out.printf("rate %d events/s for %d s: %d sent, %d counted (warm-up %d)%n", rate, seconds, sent,
                    counted, warm - before);
            for (String quantile : new String[] {"0.5", "0.95", "0.99"}) {
                System.out.printf("event to indicator p%d: %.1f ms%n", Math.round(Double.parseDouble(quantile) * 100),
                        quantile(metrics, quantile) * 1000);
            }
        }
    }

    /** Sends at a fixed rate with a fixed schedule, so a slow consumer cannot slow the producer down. */
    private static int send(BenchStack stack, int rate, int seconds) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            UUID id = UUID.randomUUID();
            stack.publish(new StructureRegistered(id, "B" + Integer.toString(i, 36).toUpperCase(), "Cap emploi", "11",
                    "75", LocalDate.of(2016, 1, 4)), Instant.now());
        }
        stack.flush();
        return total;
    }

    private static long structures(BenchStack stack) {
        for (var indicator : stack.get(SuiteService.REPORTING, "/api/v1/indicators?period=2016", "analyst")
                .get("indicators")) {
            if (indicator.get("id").asText().equals("structures-registered")) {
                return indicator.get("value").asLong();
            }
        }
        throw new IllegalStateException("no structures-registered indicator");
    }

    private static double quantile(String metrics, String quantile) {
        Matcher m = Pattern.compile("projection_event_latency_seconds\\{[^}]*quantile=\"" + Pattern.quote(quantile)
                + "\"[^}]*}\\s+([0-9.eE+-]+)").matcher(metrics);
        double worst = Double.NaN;
        while (m.find()) {
            double value = Double.parseDouble(m.group(1));
            worst = Double.isNaN(worst) ? value : Math.max(worst, value);
        }
        return worst;
    }
}
