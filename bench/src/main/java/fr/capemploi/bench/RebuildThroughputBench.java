package fr.capemploi.bench;

import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.Topics;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.demo.DemoCommand;
import fr.capemploi.localstack.demo.NetworkPlan;
import fr.capemploi.localstack.demo.NetworkPlanner;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Rebuild throughput on the demo's mix of events: publishes what {@code ./suite demo} at a scale would make the
 * services publish (structures, counsellors, declarations, people with their contacts, accompaniments, level
 * changes, interviews, actions, CPF steps, training projects, funding decisions, exits), then in the same run:
 * a bare consumer reading the same topics, a rebuild from offset 0 (a warm-up), then rebuilds with all of the
 * pre-aggregates' upkeep, with none of it (and with {@code monthly_fact}'s or the people's and delays' left out),
 * each twice in a mirrored order, so that what each costs the ingestion rate is a printed figure that the slowing of
 * successive generations on one server does not charge to the variant that happens to come last. A rebuild applies
 * its facts with the upkeep deferred and fills the pre-aggregates from them once caught up (the finalisation, timed
 * apart): "all" is the service as it runs, its time up to the switch; "none" leaves the filling out (the
 * generation's refresh functions made empty right after the rebuild starts). Last, the live channel's upkeep: four
 * more networks of the same scale published while the live projection follows, the active generation's
 * pre-aggregate triggers off or on in a mirrored order (off, on, on, off), the rate and the CPU each
 * event cost, and the live upkeep in % as the rebuild's is given.
 */
public final class RebuildThroughputBench {

    private static final List<String> TOPICS = List.of(Topics.BENEFICIARY, Topics.CEP, Topics.CPF);
    private static final String LIVE_CHANNEL = "channel=\"projections\"";

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.12;
        // "short": only the warm-up, none kept and all kept (a before/after pair of runs in half the time);
        // "rebuilds": as short, without the live networks after (a pair of the rebuilds alone, in a third of it)
        boolean singleSwitches = args.length < 2 || !List.of("short", "live", "rebuilds").contains(args[1]);
        boolean liveNetworks = args.length < 2 || !args[1].equals("rebuilds");
        // "live": no raw read and no rebuild, only the live channel's networks (a before/after pair in minutes)
        boolean liveOnly = args.length >= 2 && args[1].equals("live");
        NetworkPlan plan = NetworkPlanner.plan(scale, DemoCommand.DEFAULT_SEED);
        // from an empty stack every time: the networks' ids come from their seeds, so a database kept from a run
        // before would take the demo network and the live ones again as changes of people it knows (every item of
        // theirs recomputed and written again), not the new networks this measures
        BenchStack.removeData("rebuild");
        try (BenchStack stack = new BenchStack("rebuild", SuiteService.REPORTING);
                ResidentPeaks resident = new ResidentPeaks(new ProcessCpu(stack.dataDirectory()))) {
            System.out.println("  at ready, " + resident.line());
            Map<String, Integer> byType = new TreeMap<>();
            long loadStart = System.nanoTime();
            DemoNetworkEvents.publish(plan, event -> {
                byType.merge(EventCatalog.metadata(event.getClass()).name(), 1, Integer::sum);
                stack.publish(event, Instant.now());
            });
            stack.flush();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            int events = byType.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("demo network at scale %s: %d events in %.1f s (%.0f events/s)%n  %s%n",
                    NetworkPlan.scaleText(scale), events, loadSeconds, events / loadSeconds, byType);
            long liveStart = System.nanoTime();
            stack.awaitReportingLagZero(Duration.ofMinutes(60));
            System.out.printf("live projection caught up %.1f s after the load ended (%s)%n",
                    (System.nanoTime() - liveStart) / 1e9, BenchStack.load());
            System.out.println("  load and catch-up, " + resident.line());

            ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
            if (!liveOnly) {
                var readCpu = cpu.snapshot();
                long readStart = System.nanoTime();
                long read = readAll(stack.kafkaBootstrap());
                double readRate = read / ((System.nanoTime() - readStart) / 1e9);
                System.out.printf("raw read of %s: %d records = %.0f events/s (%s)%n", TOPICS, read, readRate,
                        BenchStack.load());
                var readCpuAfter = cpu.snapshot();
                System.out.println("  " + ProcessCpu.perOperation("event", readCpu, readCpuAfter, read));
                Part rawRead = new Part(readRate, millisPerEvent(readCpu, readCpuAfter, read));

                // the first rebuild also warms the service, the page cache and the database's caches up. Each
                // generation rebuilt on one server is slower than the one before, whatever it keeps: the variants then
                // run in a mirrored order (all, none, …, none, all), so that a steady drift weighs the same on each and
                // every variant's rate is the mean of its two runs; the upkeep is judged on those means and pair by pair
                System.out.println("  raw read, " + resident.line());
                Rebuilt warmUp = rebuild(stack, cpu, resident, read, readRate, Double.NaN,
                        new Variant("warm-up, every pre-aggregate maintained", List.of()));
                // the other part a rebuild is made of: PostgreSQL writing the same rows without the service
                Part floor = postgresFloor(stack, cpu, resident, read, warmUp);
                double floorRate = floor.rate();
                Variant all = new Variant("every pre-aggregate maintained", List.of());
                Variant none = new Variant("no pre-aggregate maintained", List.of(MONTHLY_FACT, PEOPLE_AND_DELAYS));
                List<Variant> variants = singleSwitches
                        ? List.of(all, none, new Variant("without monthly_fact", List.of(MONTHLY_FACT)),
                                new Variant("without people/delays", List.of(PEOPLE_AND_DELAYS)))
                        : List.of(all, none);
                List<Variant> order = new ArrayList<>(variants);
                List<Variant> mirrored = new ArrayList<>(variants);
                Collections.reverse(mirrored);
                order.addAll(mirrored);
                Map<String, List<Double>> rates = new LinkedHashMap<>();
                Map<String, List<Double>> starts = new LinkedHashMap<>();
                Map<String, List<Double>> finalisations = new LinkedHashMap<>();
                Map<String, List<Double>> cpuPerEvent = new LinkedHashMap<>();
                for (Variant variant : order) {
                    Rebuilt rebuilt = rebuild(stack, cpu, resident, read, readRate, floorRate, variant);
                    rates.computeIfAbsent(variant.label(), l -> new ArrayList<>()).add(rebuilt.rate());
                    starts.computeIfAbsent(variant.label(), l -> new ArrayList<>()).add(rebuilt.start());
                    finalisations.computeIfAbsent(variant.label(), l -> new ArrayList<>()).add(rebuilt.finalisation());
                    cpuPerEvent.computeIfAbsent(variant.label(), l -> new ArrayList<>()).add(rebuilt.cpuPerEvent());
                }
                List<Double> allRuns = rates.get(all.label());
                List<Double> noneRuns = rates.get(none.label());
                double allRate = mean(allRuns);
                double noneRate = mean(noneRuns);
                StringBuilder summary = new StringBuilder("rebuild events/s (mean of two runs): raw read %.0f"
                        .formatted(readRate));
                rates.forEach((label, runs) -> summary.append("; %s %.0f = %.2f x (runs %s)".formatted(label,
                        mean(runs), mean(runs) / readRate, runs.stream().map(r -> "%.0f".formatted(r)).toList())));
                System.out.println(summary);
                System.out.println(partsSummary(rawRead, floor, new Part(allRate, mean(cpuPerEvent.get(all.label()))),
                        new Part(noneRate, mean(cpuPerEvent.get(none.label())))));
                System.out.printf("start (the request: retired generations dropped, the new one created), mean s: %s%n",
                        starts.entrySet().stream().map(e -> "%s %.2f".formatted(e.getKey(), mean(e.getValue())))
                                .toList());
                System.out.printf("finalisation (triggers on, pre-aggregates filled, query indexes built), mean s: %s%n",
                        finalisations.entrySet().stream().map(e -> "%s %.2f".formatted(e.getKey(), mean(e.getValue())))
                                .toList());
                System.out.printf("cost of the pre-aggregates' upkeep (goal <= 20 %%): together %.1f %% on the means;"
                        + " pair by pair (each \"all\" against the \"none\" next to it) %.1f %% and %.1f %% (%s)%n",
                        100 * (1 - allRate / noneRate), 100 * (1 - allRuns.get(0) / noneRuns.get(0)),
                        100 * (1 - allRuns.get(1) / noneRuns.get(1)), BenchStack.load());
                if (singleSwitches) {
                    double withoutFacts = mean(rates.get("without monthly_fact"));
                    double withoutPeople = mean(rates.get("without people/delays"));
                    System.out.printf("alone, on the means: monthly_fact %.1f %%, people/delays %.1f %% slower%n",
                            100 * (1 - allRate / withoutFacts), 100 * (1 - allRate / withoutPeople));
                }
            }
            if (!liveNetworks) {
                System.out.println("resident peak over the whole run (MiB, sampled every 0.5 s): " + resident.wholeRun());
                return;
            }
            // the live channel: the same scale of events, applied as they come, with the upkeep off and on in a
            // mirrored order (off, on, on, off): each network lands on a larger database than the one before, and the
            // order then charges that growth to neither variant
            List<Live> lives = new ArrayList<>();
            long seed = DemoCommand.DEFAULT_SEED;
            // a network first, not counted: right after the demo's catch-up a live network cost up to twice the CPU
            // per event of the fourth (the services' compiler, the database's upkeep of the demo's rows), a curve that
            // the mirror does not cancel: it charged the first "off" most (bench/JOURNAL.md, "The live upkeep (#12) on
            // new networks")
            System.out.println("warm-up network, not counted:");
            live(stack, cpu, resident, scale, ++seed, true);
            for (boolean upkeep : List.of(false, true, true, false)) {
                lives.add(live(stack, cpu, resident, scale, ++seed, upkeep));
            }
            liveSummary(lives);
            System.out.println("resident peak over the whole run (MiB, sampled every 0.5 s): " + resident.wholeRun());
        }
    }

    /** A rebuild's variant: the generation's refresh functions it leaves out (made empty before they run). */
    private record Variant(String label, List<String> leftOut) {
    }

    /**
     * A rebuild's rate, start (the request, which answers once the generation is created) and finalisation, and what
     * the floor needs of it: its generation, and the indexes its tables had while it applied (the query indexes are
     * built only at the finalisation).
     */
    private record Rebuilt(double rate, double start, double finalisation, int generation,
            List<String> indexesWhileApplying, double cpuPerEvent) {
    }

    /** A part of the run: its events per second, and the CPU each event cost every process of the stack, in ms. */
    private record Part(double rate, double cpuPerEvent) {

        /** The rate two cores would allow at that cost, were they the part's alone. */
        double twoCores() {
            return 2000 / cpuPerEvent;
        }
    }

    /** Milliseconds of CPU per event, every process of the stack and the client together (ticks of 10 ms). */
    private static double millisPerEvent(Map<String, Long> before, Map<String, Long> after, long events) {
        return millisPerEvent(before, after, events, after.keySet());
    }

    private static double millisPerEvent(Map<String, Long> before, Map<String, Long> after, long events,
            java.util.Collection<String> components) {
        long ticks = components.stream().mapToLong(c -> after.getOrDefault(c, 0L) - before.getOrDefault(c, 0L)).sum();
        return ticks * 10.0 / events;
    }

    /** One live network: its events, the seconds from the load's start to the catch-up, the CPU per event. */
    private record Live(boolean upkeep, int events, double seconds, Map<String, Double> cpuPerEvent) {

        double rate() {
            return events / seconds;
        }

        /** What ingesting an event cost: every process but the benchmark's own client, which publishes. */
        double ingestionCpu() {
            return cpuPerEvent.entrySet().stream().filter(e -> !e.getKey().equals(ProcessCpu.CLIENT))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    /**
     * Publishes another network of the same scale while the live projection follows, the active generation's
     * pre-aggregate triggers on or off (its pre-aggregates are then stale: only the cost is looked at), and prints
     * the time it took to catch up after the load and the CPU each event cost, from the load's start. With
     * {@code track_functions} on in the server ({@code SUITE_PG_SETTINGS}), the time of the generation's functions
     * per event too.
     */
    private static Live live(BenchStack stack, ProcessCpu cpu, ResidentPeaks resident, double scale, long seed,
            boolean upkeep) throws Exception {
        String admin = stack.token("admin");
        int active = stack.getWithToken(SuiteService.REPORTING, "/api/v1/projections/status", admin)
                .get("activeGeneration").asInt();
        String schema = "reporting_g" + active;
        Map<String, double[]> functionsBefore;
        try (Connection reporting = stack.connect(SuiteService.REPORTING);
                Statement statement = reporting.createStatement()) {
            statement.execute("""
                    DO $$ DECLARE t record; BEGIN
                        FOR t IN SELECT DISTINCT c.relname FROM pg_trigger tr JOIN pg_class c ON c.oid = tr.tgrelid
                            WHERE c.relnamespace = '%s'::regnamespace AND NOT tr.tgisinternal LOOP
                            EXECUTE format('ALTER TABLE %s.%%I %s TRIGGER USER', t.relname);
                        END LOOP;
                    END $$""".formatted(schema, schema, upkeep ? "ENABLE" : "DISABLE"));
            functionsBefore = functionTimes(statement, schema);
        }
        DatabaseActivity database = new DatabaseActivity(stack);
        Map<String, long[]> tablesBefore = database.tables(schema);
        long[] walBefore = database.wal();
        Map<String, long[]> ioBefore = database.io();
        database.snapshot(true);
        NetworkPlan plan = NetworkPlanner.plan(scale, seed);
        String metricsBefore = stack.metrics(SuiteService.REPORTING);
        var before = cpu.snapshot();
        var postgresBefore = cpu.postgresKinds();
        long start = System.nanoTime();
        int[] events = {0};
        DemoNetworkEvents.publish(plan, event -> {
            events[0]++;
            stack.publish(event, Instant.now());
        });
        stack.flush();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long caughtUp = System.nanoTime();
        // a look every 500 ms rather than 100: the looks would otherwise cost the service and the broker more the
        // longer a variant takes to catch up (the CPU per event compared), for at most half a second of error on
        // catch-ups of tens of seconds
        stack.awaitReportingLagZero(Duration.ofMinutes(60), Duration.ofMillis(500));
        double seconds = (System.nanoTime() - start) / 1e9;
        var after = cpu.snapshot();
        System.out.printf("live, pre-aggregates' upkeep %s (seed %d): %d events published in %.1f s, caught up %.1f s"
                + " after: %.0f events/s from the load's start to the catch-up (%s, %s UTC)%n", upkeep ? "on" : "off",
                seed, events[0], loadSeconds, (System.nanoTime() - caughtUp) / 1e9, events[0] / seconds,
                BenchStack.load(), LocalTime.now(ZoneOffset.UTC).withNano(0));
        System.out.println("  " + ProcessCpu.perOperation("event", before, after, events[0]));
        System.out.println("  " + resident.line());
        // what grows from one network to the next may sit outside the statements (writes of dirty pages, autovacuum)
        System.out.println("  PostgreSQL by kind of process, " + ProcessCpu.perOperation("event", postgresBefore,
                cpu.postgresKinds(), events[0]));
        // the per-batch part of the upkeep weighs by the batches: how large the live channel's were
        MetricsWindow channel = new MetricsWindow(metricsBefore, stack.metrics(SuiteService.REPORTING));
        System.out.println("  reporting-service's " + channel.collections("event", events[0]));
        double batches = channel.increase("projection_channel_batch_records_count", LIVE_CHANNEL);
        System.out.printf("  live channel: %.0f batches, %.1f records a batch%n", batches,
                channel.increase("projection_channel_batch_records_sum", LIVE_CHANNEL) / Math.max(1, batches));
        if (!functionsBefore.isEmpty()) {
            // a backend sends its function statistics at most every few seconds once idle: wait for the last ones
            Thread.sleep(11_000);
            try (Connection reporting = stack.connect(SuiteService.REPORTING);
                    Statement statement = reporting.createStatement()) {
                Map<String, double[]> functionsAfter = functionTimes(statement, schema);
                StringJoiner line = new StringJoiner(", ", "  functions, ms per event (self, calls per event): ", "");
                functionsAfter.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), new double[] {
                                e.getValue()[0] - functionsBefore.getOrDefault(e.getKey(), new double[3])[0],
                                e.getValue()[1] - functionsBefore.getOrDefault(e.getKey(), new double[3])[1],
                                e.getValue()[2] - functionsBefore.getOrDefault(e.getKey(), new double[3])[2]}))
                        .filter(e -> e.getValue()[0] > 0)
                        .sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
                        .forEach(e -> line.add("%s %.4f (%.4f, %.3f)".formatted(e.getKey(),
                                e.getValue()[1] / events[0], e.getValue()[2] / events[0], e.getValue()[0] / events[0])));
                System.out.println(line);
            }
        }
        // "off" too: what the networks cost outside the upkeep must be seen equal for the difference to be the upkeep's
        System.out.println(database.topStatements(events[0], "event", 25));
        System.out.println(DatabaseActivity.walPer(walBefore, database.wal(), events[0], "event"));
        System.out.println(DatabaseActivity.ioPer(ioBefore, database.io(), events[0], "event"));
        System.out.println(DatabaseActivity.tableChanges(tablesBefore, database.tables(schema), 30));
        database.dumpStatements(stack.dataDirectory().resolve("statements-" + seed + (upkeep ? "-on" : "-off") + ".tsv"));
        return new Live(upkeep, events[0], seconds, ProcessCpu.millisPerOperation(before, after, events[0]));
    }

    /** Per function of the schema: calls, total and self milliseconds, when the server tracks them. */
    private static Map<String, double[]> functionTimes(Statement statement, String schema) throws Exception {
        Map<String, double[]> times = new TreeMap<>();
        try (java.sql.ResultSet tracked = statement.executeQuery("SHOW track_functions")) {
            tracked.next();
            if (tracked.getString(1).equals("none")) {
                return times;
            }
        }
        try (java.sql.ResultSet rows = statement.executeQuery("SELECT funcname, calls, total_time, self_time "
                + "FROM pg_stat_user_functions WHERE schemaname = '" + schema + "'")) {
            while (rows.next()) {
                times.put(rows.getString(1), new double[] {rows.getLong(2), rows.getDouble(3), rows.getDouble(4)});
            }
        }
        return times;
    }

    /**
     * The live upkeep as the rebuild's is judged: the ingestion rate (events over the seconds from the load's start
     * to the catch-up) with the upkeep on against off, on the means of the two runs of each and pair by pair (each
     * "on" against the "off" next to it); and the same by the CPU an event cost the ingestion (every process but the
     * benchmark's client), which moves less with the machine's load than a rate.
     */
    private static void liveSummary(List<Live> lives) {
        List<Live> off = lives.stream().filter(l -> !l.upkeep()).toList();
        List<Live> on = lives.stream().filter(Live::upkeep).toList();
        double offRate = mean(off.stream().map(Live::rate).toList());
        double onRate = mean(on.stream().map(Live::rate).toList());
        double offCpu = mean(off.stream().map(Live::ingestionCpu).toList());
        double onCpu = mean(on.stream().map(Live::ingestionCpu).toList());
        System.out.printf("live ingestion, events/s from the load's start to the catch-up (mean of two runs): upkeep"
                + " off %.0f (runs %.0f, %.0f), on %.0f (runs %.0f, %.0f)%n", offRate, off.get(0).rate(),
                off.get(1).rate(), onRate, on.get(0).rate(), on.get(1).rate());
        System.out.printf("cost of the live upkeep (goal <= 20 %%): rate %.1f %% lower on the means, pair by pair"
                + " %.1f %% and %.1f %%; CPU per event of the ingestion %.3f ms off, %.3f ms on: %.1f %% more on the"
                + " means (%.1f %% fewer events per CPU second), pair by pair %.1f %% and %.1f %% more (%s)%n",
                100 * (1 - onRate / offRate), 100 * (1 - on.get(0).rate() / off.get(0).rate()),
                100 * (1 - on.get(1).rate() / off.get(1).rate()), offCpu, onCpu, 100 * (onCpu / offCpu - 1),
                100 * (1 - offCpu / onCpu), 100 * (on.get(0).ingestionCpu() / off.get(0).ingestionCpu() - 1),
                100 * (on.get(1).ingestionCpu() / off.get(1).ingestionCpu() - 1), BenchStack.load());
        Map<String, Double> offMeans = meanPerProcess(off);
        Map<String, Double> onMeans = meanPerProcess(on);
        StringJoiner line = new StringJoiner(", ", "  CPU per event, means, off -> on: ", "");
        onMeans.forEach((process, ms) -> line.add("%s %.3f -> %.3f ms".formatted(process,
                offMeans.getOrDefault(process, 0.0), ms)));
        System.out.println(line);
    }

    private static Map<String, Double> meanPerProcess(List<Live> runs) {
        Map<String, Double> means = new TreeMap<>();
        runs.forEach(run -> run.cpuPerEvent().forEach((process, ms) -> means.merge(process, ms / runs.size(),
                Double::sum)));
        return means;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * What a variant leaves out: the generation's refresh of {@code monthly_fact} (with {@code funding_project}, which
     * only feeds it) or of the people's and delays' pre-aggregates, made empty in the new generation right after the
     * rebuild starts, seconds before its finalisation calls them. The triggers are off while any rebuild applies its
     * facts, and turned on at its finalisation: no event comes after it in this benchmark.
     */
    private static final String MONTHLY_FACT = "refresh_monthly_facts";
    private static final String PEOPLE_AND_DELAYS = "refresh_people_and_delays";

    private static Rebuilt rebuild(BenchStack stack, ProcessCpu cpu, ResidentPeaks resident, long read,
            double readRate, double floorRate, Variant variant) throws Exception {
        String admin = stack.token("admin");
        int activeBefore = stack.getWithToken(SuiteService.REPORTING, "/api/v1/projections/status", admin)
                .get("activeGeneration").asInt();
        // the statements of this rebuild alone, per event (when pg_stat_statements is preloaded: SUITE_PG_SETTINGS)
        DatabaseActivity database = new DatabaseActivity(stack);
        database.snapshot(true);
        // the WAL of the whole server (the finalisation's included): what a rebuilt event makes PostgreSQL log
        long[] walBefore = database.wal();
        // scraped outside the CPU snapshots: the page's rendering is not the rebuild's work
        String metricsBefore = stack.metrics(SuiteService.REPORTING);
        var rebuildCpu = cpu.snapshot();
        long rebuildStart = System.nanoTime();
        long requestedAt = System.currentTimeMillis();
        int building = stack.post(SuiteService.REPORTING, "/api/v1/admin/projections/rebuild", "admin")
                .get("generation").asInt();
        double start = (System.nanoTime() - rebuildStart) / 1e9;
        String schema = "reporting_g" + building;
        List<String> indexes = PostgresFloor.indexes(stack, schema);
        if (!variant.leftOut().isEmpty()) {
            try (Connection reporting = stack.connect(SuiteService.REPORTING);
                    Statement statement = reporting.createStatement()) {
                for (String function : variant.leftOut()) {
                    statement.execute("CREATE OR REPLACE FUNCTION " + schema + "." + function
                            + "() RETURNS VOID LANGUAGE plpgsql AS $$ BEGIN END $$");
                }
            }
        }
        while (stack.getWithToken(SuiteService.REPORTING, "/api/v1/projections/status", admin)
                .get("activeGeneration").asInt() != building) {
            // each look costs the service a token check, the positions and the topics' end offsets, charged to
            // the rebuild's CPU: four a second keep the end within 1-3 % of a rebuild of ten seconds or more
            Thread.sleep(250);
        }
        double seen = (System.nanoTime() - rebuildStart) / 1e9;
        long seenAt = System.currentTimeMillis();
        var after = cpu.snapshot();
        MetricsWindow collected = new MetricsWindow(metricsBefore, stack.metrics(SuiteService.REPORTING));
        long[] walAfter = database.wal();
        double seconds;
        double finalisation;
        String filled;
        String phases;
        try (Connection reporting = stack.connect(SuiteService.REPORTING);
                Statement statement = reporting.createStatement();
                java.sql.ResultSet rs = statement.executeQuery("SELECT EXTRACT(EPOCH FROM upkeep_restored_at - "
                        + "upkeep_restored_from), (SELECT count(*) FROM " + schema + ".monthly_fact), (SELECT count(*) "
                        + "FROM " + schema + ".member_item), EXTRACT(EPOCH FROM upkeep_restored_from), "
                        + "EXTRACT(EPOCH FROM upkeep_restored_at), EXTRACT(EPOCH FROM activated_at) "
                        + "FROM projection_generation WHERE generation = " + building)) {
            rs.next();
            finalisation = rs.getDouble(1);
            filled = "monthly_fact " + rs.getLong(2) + " rows, member_item " + rs.getLong(3);
            // the database's clock and this one are the machine's: each phase's end from the request
            double from = rs.getDouble(4) - requestedAt / 1e3;
            double to = rs.getDouble(5) - requestedAt / 1e3;
            double switched = rs.getDouble(6) - requestedAt / 1e3;
            // the rebuild's time is from the request to its switch as the service recorded it (the generations table's
            // activated_at, the switch's transaction): the looks above, four a second, added 0-0.25 s of their own
            // to every rebuild until 2026-12-07 evening (s44), ~3 % of a rebuild at 0.12 — printed as "seen"
            seconds = switched;
            phases = ("phases, s: answered %.2f, applied and caught up %.2f (to %.2f), finalisation %.2f (to %.2f), "
                    + "caught up again and switched %.2f (to %.2f), seen by the benchmark %.2f (to %.2f)").formatted(
                            start, from - start, from, to - from, to, switched - to, switched,
                            (seenAt - requestedAt) / 1e3 - switched, (seenAt - requestedAt) / 1e3);
        }
        double rate = read / seconds;
        System.out.printf("rebuild g%d -> g%d, %s: %d events in %.2f s from the request to the switch (seen at %.2f s) ="
                + " %.0f events/s = %.2f x the raw read rate, %.2f x the PostgreSQL floor (%s, %s UTC); start %.2f s,"
                + " finalisation %.2f s (%s)%n", activeBefore, building, variant.label(), read, seconds, seen, rate,
                rate / readRate, rate / floorRate, BenchStack.load(), LocalTime.now(ZoneOffset.UTC).withNano(0), start,
                finalisation, filled);
        System.out.println("  " + phases);
        System.out.println("  " + ProcessCpu.perOperation("event", rebuildCpu, after, read));
        // two decimals hide a change of a few hundredths of a millisecond per process
        System.out.println("  CPU per event, three decimals: " + ProcessCpu.millisPerOperation(rebuildCpu, after, read)
                .entrySet().stream().map(e -> "%s %.3f ms".formatted(e.getKey(), e.getValue())).toList());
        System.out.println("  " + resident.line());
        System.out.println("  reporting-service's " + collected.collections("rebuilt event", read));
        System.out.println(DatabaseActivity.walPer(walBefore, walAfter, read, "event"));
        System.out.println(database.topStatements(read, "event", 15));
        System.out.println(database.statementKinds(read));
        database.dumpStatements(stack.dataDirectory().resolve("statements-rebuild-g" + building + ".tsv"));
        return new Rebuilt(rate, start, finalisation, building, indexes, millisPerEvent(rebuildCpu, after, read));
    }

    /**
     * The floor PostgreSQL sets: the rows the warm-up rebuild wrote (its generation's fact tables, its processed-event
     * log, its positions) written again by COPY over plain JDBC, in transactions of the rebuild's batch, into empty
     * copies of those tables with the indexes they had while the rebuild applied. @return events per second
     */
    private static Part postgresFloor(BenchStack stack, ProcessCpu cpu, ResidentPeaks resident, long read,
            Rebuilt source) throws Exception {
        PostgresFloor floor = PostgresFloor.of(stack, source.generation(), source.indexesWhileApplying());
        resident.takePeaks();
        var before = cpu.snapshot();
        double seconds = floor.write(REPLAY_BATCH, read);
        var after = cpu.snapshot();
        double rate = read / seconds;
        System.out.printf("PostgreSQL floor (COPY by plain JDBC, batches of %d events, synchronous_commit off): %s"
                + " in %.2f s = %.0f events/s (%s, %s UTC)%n", REPLAY_BATCH, floor.rows(), seconds, rate,
                BenchStack.load(), LocalTime.now(ZoneOffset.UTC).withNano(0));
        System.out.println("  " + ProcessCpu.perOperation("event", before, after, read));
        // two decimals hide it: the floor's CPU is a few thousandths of a millisecond per event
        System.out.printf("  CPU per event, three decimals: PostgreSQL %.3f ms, benchmark client %.3f ms%n",
                millisPerEvent(before, after, read, List.of("PostgreSQL")),
                millisPerEvent(before, after, read, List.of("benchmark client")));
        return new Part(rate, millisPerEvent(before, after, read));
    }

    /**
     * The rebuild against each part it is made of, and against the slower of the two: by the rates of this run, and by
     * the CPU each event cost (what two cores would allow each at that cost, a figure the machine's load moves less).
     */
    private static String partsSummary(Part read, Part floor, Part all, Part none) {
        double slower = Math.min(read.rate(), floor.rate());
        double slowerTwoCores = Math.min(read.twoCores(), floor.twoCores());
        return ("the parts, by rate: raw read %.0f events/s, PostgreSQL floor %.0f events/s (the slower: %s); rebuild,"
                + " all kept %.2f x the read, %.2f x the floor, %.2f x the slower; none kept %.2f x, %.2f x, %.2f x%n"
                + "the parts, by CPU per event (every process): read %.3f ms, floor %.3f ms, rebuild all kept %.3f ms,"
                + " none kept %.3f ms; two cores at that cost allow: read %.0f/s, floor %.0f/s, rebuild all kept"
                + " %.0f/s (%.2f x the read's, %.2f x the slower's), none kept %.0f/s (%.2f x, %.2f x); 0.5 x the read"
                + " is %s what PostgreSQL allows (floor / read at two cores: %.2f)").formatted(read.rate(),
                floor.rate(), floor.rate() < read.rate() ? "PostgreSQL" : "the read", all.rate() / read.rate(),
                all.rate() / floor.rate(), all.rate() / slower, none.rate() / read.rate(), none.rate() / floor.rate(),
                none.rate() / slower, read.cpuPerEvent(), floor.cpuPerEvent(), all.cpuPerEvent(), none.cpuPerEvent(),
                read.twoCores(), floor.twoCores(), all.twoCores(), all.twoCores() / read.twoCores(),
                all.twoCores() / slowerTwoCores, none.twoCores(), none.twoCores() / read.twoCores(),
                none.twoCores() / slowerTwoCores, read.twoCores() / 2 <= floor.twoCores() ? "within" : "beyond",
                floor.twoCores() / read.twoCores());
    }

    /** Records per batch of the replay channel ({@code REPORTING_REPLAY_BATCH}'s default in reporting-service). */
    private static final int REPLAY_BATCH = 2000;

    private static long readAll(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
            return count;
        }
    }
}
