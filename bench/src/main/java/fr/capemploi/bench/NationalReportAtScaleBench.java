package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import fr.capemploi.testsupport.NationalNetworkRows;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CNEFOP report and indicator queries at national scope over a network of 1 million beneficiaries and 20 million
 * events: p50/p95/max latency of the real endpoints, through HTTP with an analyst token.
 *
 * <p>The projection state is loaded in bulk ({@link NationalNetworkRows}), not through Kafka: ingestion is what
 * {@code RebuildThroughput} measures. Then VACUUM ANALYZE, one warm-up call per query, and up to 30 timed runs each
 * (fewer, at least 3, when a query is so slow that 30 runs would exceed two minutes; the count is printed).
 */
public final class NationalReportAtScaleBench {

    private static final int RUNS = 30;
    /**
     * {@code BENCH_NOW_ONLY=1}: the "as of now" queries only, no exact past asOf (at 1,000,000 people the exact path
     * takes minutes per answer, its profile an hour: not what a change of the now path needs measured).
     */
    private static final boolean NOW_ONLY = "1".equals(System.getenv("BENCH_NOW_ONLY"));
    /**
     * {@code BENCH_PAST_ONLY=1}: the past asOf only, the whole list and the profile's exact column (what a change of
     * the exact path needs measured, in minutes instead of the whole run's half hour).
     */
    private static final boolean PAST_ONLY = "1".equals(System.getenv("BENCH_PAST_ONLY"));
    private static final long BUDGET_NANOS = 120_000_000_000L;

    private record Query(String name, String path, String accept) {
    }

    public static void main(String[] args) throws Exception {
        long beneficiaries = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long events = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000;
        try (BenchStack stack = new BenchStack("national-report", SuiteService.REPORTING);
             Connection db = stack.connect(SuiteService.REPORTING)) {
            String schema = NationalNetworkRows.activeSchema(db);
            NationalNetworkRows network = new NationalNetworkRows(db, schema);
            int loadedBy = network.alreadyLoaded(beneficiaries, events);
            if (loadedBy > 0) {
                System.out.printf("%s already holds the rows of %,d beneficiaries / %,d events (previous run, "
                        + "generator %d%s)%n", schema, beneficiaries, events, loadedBy, loadedBy == 1
                        ? ", upgraded in place by the service: versions and portfolio spans from the current state"
                        : "");
            } else {
                System.out.printf("loading %s with the rows of %,d beneficiaries / %,d events%n", schema,
                        beneficiaries, events);
                long start = System.nanoTime();
                network.load(beneficiaries, events);
                System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
            long analyzeStart = System.nanoTime();
            network.analyze();
            System.out.printf("VACUUM ANALYZE in %.1f s; tables and indexes: %s%n",
                    (System.nanoTime() - analyzeStart) / 1e9, network.size());

            Map<String, Long> byType = network.events();
            System.out.println("events the rows stand for:");
            byType.forEach((type, n) -> System.out.printf("  %-55s %,12d%n", type, n));
            System.out.printf("  %-55s %,12d%n", "total", byType.values().stream().mapToLong(Long::longValue).sum());
            System.out.println("rows per table:");
            Map<String, Long> rows = network.rows();
            rows.forEach((table, n) -> System.out.printf("  %-55s %,12d%n", table, n));
            System.out.printf("  %-55s %,12d%n", "total", rows.values().stream().mapToLong(Long::longValue).sum());

            String structure = network.scalar("SELECT bench.id('s', 0)");
            String region = network.scalar("SELECT region FROM " + schema + ".structure WHERE structure_id = bench.id('s', 5)");
            String json = "application/json";
            List<Query> queries = List.of(
                    new Query("cnefop 2016 national", "/api/v1/reports/cnefop/2016", json),
                    new Query("cnefop 2016-H1 national", "/api/v1/reports/cnefop/2016-H1", json),
                    new Query("cnefop 2016 national CSV", "/api/v1/reports/cnefop/2016", "text/csv"),
                    new Query("indicators 2016 national", "/api/v1/indicators?period=2016", json),
                    new Query("indicators 2016 region " + region,
                            "/api/v1/indicators?period=2016&scope=region&scopeId=" + region, json),
                    new Query("indicators 2016 one structure",
                            "/api/v1/indicators?period=2016&scope=structure&scopeId=" + structure, json),
                    new Query("indicators 2016-Q2 national", "/api/v1/indicators?period=2016-Q2", json),
                    new Query("activity 2016-Q2 national", "/api/v1/reports/activity/2016-Q2", json),
                    new Query("series cep-beneficiaries 2016 monthly",
                            "/api/v1/indicators/cep-beneficiaries/series?from=2016-01&to=2016-12&granularity=month",
                            json),
                    new Query("series accompaniments-opened 2016 monthly",
                            "/api/v1/indicators/accompaniments-opened/series?from=2016-01&to=2016-12&granularity=month",
                            json),
                    // recording times of the generated rows run to 2018: as of mid-2017 is exact, over the facts
                    new Query("indicators 2016 national asOf 2017-06-30",
                            "/api/v1/indicators?period=2016&asOf=2017-06-30", json))
                    .stream().filter(q -> !NOW_ONLY || !q.path().contains("asOf="))
                    .filter(q -> !PAST_ONLY || q.path().contains("asOf=")).toList();
            String token = stack.token("analyst");
            System.out.printf("load average before the queries: %s%n", loadAverage());
            System.out.printf("%-42s %5s %10s %10s %10s%n", "query (HTTP, analyst)", "runs", "p50 ms", "p95 ms",
                    "max ms");
            for (Query query : queries) {
                List<Long> times = new ArrayList<>();
                try {
                    stack.timedGet(SuiteService.REPORTING, query.path(), token, query.accept()); // warm-up
                    long spent = 0;
                    while (times.size() < RUNS && (spent < BUDGET_NANOS || times.size() < 3)) {
                        long t = stack.timedGet(SuiteService.REPORTING, query.path(), token, query.accept());
                        times.add(t);
                        spent += t;
                    }
                } catch (IllegalStateException e) {
                    // a query too slow for the service's transaction timeout is a figure too: say so and go on
                    System.out.printf("%-42s failed after %d runs: %s%n", query.name(), times.size(),
                            e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("%-42s %5d %10.1f %10.1f %10.1f   load %s%n", query.name(), sorted.length,
                        percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.95) / 1e6,
                        sorted[sorted.length - 1] / 1e6, loadAverage());
            }
            profile(stack, token);
        }
    }

    /**
     * Each indicator of the catalogue alone (its series over the single period 2016, national: the request works
     * out only the sets that indicator reads), as of now and as of 2018-06-30 — late enough to see nearly every
     * generated fact, early enough for the exact path over the facts: where the time of the whole list goes.
     */
    private static void profile(BenchStack stack, String token) throws Exception {
        // the catalogue as the service serves it (a resource may serve a family: funding-delay.sql, two indicators)
        List<String> ids = new ArrayList<>();
        stack.getWithToken(SuiteService.REPORTING, "/api/v1/indicators?period=2016", token).path("indicators")
                .forEach(indicator -> ids.add(indicator.path("id").asText()));
        System.out.printf("per indicator, 2016 national, p50 of %d runs (ms): as of now | exact path as of 2018-06-30%n",
                PROFILE_RUNS);
        for (String id : ids) {
            String path = "/api/v1/indicators/" + id + "/series?from=2016&to=2016&granularity=year";
            System.out.printf("  %-42s %10s %10s   load %s%n", id,
                    PAST_ONLY ? "-" : String.format("%.1f", p50(stack, path, token)),
                    NOW_ONLY ? "-" : String.format("%.1f", p50(stack, path + "&asOf=2018-06-30", token)),
                    loadAverage());
        }
    }

    private static final int PROFILE_RUNS = 5;

    private static double p50(BenchStack stack, String path, String token) throws Exception {
        stack.timedGet(SuiteService.REPORTING, path, token, "application/json"); // warm-up
        long[] times = new long[PROFILE_RUNS];
        for (int i = 0; i < times.length; i++) {
            times[i] = stack.timedGet(SuiteService.REPORTING, path, token, "application/json");
        }
        java.util.Arrays.sort(times);
        return percentile(times, 0.50) / 1e6;
    }

    /** The 1, 5 and 15 minute load averages: the figures mean little without what else ran. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private NationalReportAtScaleBench() {
    }
}
