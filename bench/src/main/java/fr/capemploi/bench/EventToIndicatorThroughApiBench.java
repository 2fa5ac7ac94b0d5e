package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event to indicator through the REST API: level-1 contacts are POSTed to cep-service at a steady rate (the whole
 * path a counsellor's act takes: request, transaction with its outbox row, relay, broker, reporting's live channel,
 * projection commit). The reporting service's timer, from the fact's recording in cep-service to the commit that
 * shows it to indicator queries, gives the percentiles; the contacts counted by the indicator are checked. Sustained
 * means: every request answered 201, every event applied once, the requests waiting for their answer bounded and flat
 * over the run (printed for each second), and reporting caught up within moments of the last answer.
 */
public final class EventToIndicatorThroughApiBench {

    private static final String BODY = """
            {"contactDate":"2016-03-14","channel":"PHONE","request":"CPF_INFORMATION","liaisonSheetIssued":false}""";

    /**
     * At most this many requests on the wire at once: far more than a service that keeps up needs (rate × latency),
     * so that a service that does not keep up shows it as a growing queue in the client, not as a lower rate.
     */
    private static final int CONNECTIONS = 64;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        try (BenchStack stack = new BenchStack("event-to-indicator-api", SuiteService.CEP, SuiteService.REPORTING)) {
            String token = stack.token("counsellor", UUID.randomUUID());
            URI uri = URI.create(stack.baseUri(SuiteService.CEP) + "/api/v1/cep/level1-contacts");
            // one Vert.x event loop sends on schedule: the JDK's HttpClient cost 1.3-1.5 ms of CPU per request, taken
            // from the two cores the services share (bench/README.md), and at 800/s would have been a core of its own
            try (HttpLoad http = new HttpLoad(uri, token, BODY, CONNECTIONS)) {
                // warm-up: the services' JIT and the reporting service's first batches, not measured
                http.atRate(Math.min(rate, 200), Duration.ofSeconds(20), 201);
                stack.awaitReportingLagZero(Duration.ofMinutes(2));
                String before = stack.metrics(SuiteService.REPORTING);
                long countBefore = count(before);
                ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
                var cpuBefore = cpu.snapshot();
                HttpLoad.OpenLoop run = http.atRate(rate, Duration.ofSeconds(seconds), 201);
                long lastAnswer = System.nanoTime();
                stack.awaitReportingLagZero(Duration.ofMinutes(5));
                long drainMillis = (System.nanoTime() - lastAnswer) / 1_000_000;
                var cpuAfter = cpu.snapshot();
                String after = stack.metrics(SuiteService.REPORTING);
                System.out.printf("rate %d writes/s for %d s through POST /api/v1/cep/level1-contacts: %d answered 201 "
                        + "(%.0f/s), %d failed; %d events applied by the cep-facts projection (%s)%n", rate, seconds,
                        run.answered().count(), run.answered().rate(), run.failed(), count(after) - countBefore,
                        BenchStack.load());
                System.out.printf("API answer p50 %.1f ms, p99 %.1f ms; requests waiting for their answer: at most %d "
                        + "at once, the most each second %s; reporting caught up %d ms after the last answer%n",
                        run.answered().p(0.50), run.answered().p(0.99), run.maxInFlight(),
                        java.util.Arrays.toString(run.inFlightEachSecond()), drainMillis);
                System.out.println("  " + ProcessCpu.perOperation("event", cpuBefore, cpuAfter, run.answered().count()));
                for (String quantile : new String[] {"0.5", "0.95", "0.99"}) {
                    System.out.printf("event to indicator p%d: %.1f ms%n",
                            Math.round(Double.parseDouble(quantile) * 100), quantile(after, quantile) * 1000);
                }
                System.out.println("(percentiles of the reporting service's timer, a decaying window over the last "
                        + "minutes)");
            }
        }
    }

    private static long count(String metrics) {
        Matcher m = Pattern.compile("projection_events_applied_total\\{[^}]*projection=\"[^\"]*cep-facts[^\"]*\"[^}]*}\\s+"
                + "([0-9.eE+-]+)").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return Math.round(total);
    }

    private static double quantile(String metrics, String quantile) {
        Matcher m = Pattern.compile("projection_event_latency_seconds\\{[^}]*projection=\"[^\"]*cep-facts[^\"]*\"[^}]*"
                + "quantile=\"" + Pattern.quote(quantile) + "\"[^}]*}\\s+([0-9.eE+-]+)").matcher(metrics);
        double worst = Double.NaN;
        while (m.find()) {
            double value = Double.parseDouble(m.group(1));
            worst = Double.isNaN(worst) ? value : Math.max(worst, value);
        }
        if (Double.isNaN(worst)) {
            m = Pattern.compile("projection_event_latency_seconds\\{[^}]*quantile=\"" + Pattern.quote(quantile)
                    + "\"[^}]*}\\s+([0-9.eE+-]+)").matcher(metrics);
            while (m.find()) {
                worst = Double.isNaN(worst) ? Double.parseDouble(m.group(1)) : Math.max(worst, Double.parseDouble(m.group(1)));
            }
        }
        return worst;
    }
}
