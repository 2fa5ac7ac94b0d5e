package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event to indicator through the REST API: level-1 contacts are POSTed to cep-service at a steady rate (the whole
 * path a counsellor's act takes: request, transaction with its outbox row, relay, broker, reporting's live channel,
 * projection commit). The reporting service's timer, from the fact's recording in cep-service to the commit that
 * shows it to indicator queries, gives the percentiles; the contacts counted by the indicator are checked.
 */
public final class EventToIndicatorThroughApiBench {

    private static final String BODY = """
            {"contactDate":"2016-03-14","channel":"PHONE","request":"CPF_INFORMATION","liaisonSheetIssued":false}""";

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        try (BenchStack stack = new BenchStack("event-to-indicator-api", SuiteService.CEP, SuiteService.REPORTING)) {
            String token = stack.token("counsellor", UUID.randomUUID());
            URI uri = URI.create(stack.baseUri(SuiteService.CEP) + "/api/v1/cep/level1-contacts");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            send(http, uri, token, rate, 10);
            stack.awaitReportingLagZero(Duration.ofMinutes(2));
            String before = stack.metrics(SuiteService.REPORTING);
            long countBefore = count(before);
            int[] result = send(http, uri, token, rate, seconds);
            stack.awaitReportingLagZero(Duration.ofMinutes(5));
            String after = stack.metrics(SuiteService.REPORTING);
            System.out.printf("rate %d writes/s for %d s through POST /api/v1/cep/level1-contacts: %d answered 201, "
                    + "%d failed; %d events applied by the cep-facts projection (%s)%n", rate, seconds, result[0],
                    result[1], count(after) - countBefore, BenchStack.load());
            for (String quantile : new String[] {"0.5", "0.95", "0.99"}) {
                System.out.printf("event to indicator p%d: %.1f ms%n", Math.round(Double.parseDouble(quantile) * 100),
                        quantile(after, quantile) * 1000);
            }
            System.out.println("(percentiles of the reporting service's timer, a decaying window over the last minutes)");
        }
    }

    /** Fixed schedule, asynchronous sends: a slow answer does not slow the rate down. */
    private static int[] send(HttpClient http, URI uri, String token, int rate, int seconds) throws Exception {
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 201) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new int[] {ok.get(), failed.get()};
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
