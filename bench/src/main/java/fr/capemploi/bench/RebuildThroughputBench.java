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
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
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
 * pre-aggregates' upkeep, with none of it (and with {@code monthly_fact}'s or the people's and delays' switched off),
 * each twice in a mirrored order, so that what each costs the ingestion rate is a printed figure that the slowing of
 * successive generations on one server does not charge to the variant that happens to come last.
 */
public final class RebuildThroughputBench {

    private static final List<String> TOPICS = List.of(Topics.BENEFICIARY, Topics.CEP, Topics.CPF);

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.12;
        // "short": only the warm-up, none kept and all kept (a before/after pair of runs in half the time)
        boolean singleSwitches = args.length < 2 || !args[1].equals("short");
        NetworkPlan plan = NetworkPlanner.plan(scale, DemoCommand.DEFAULT_SEED);
        try (BenchStack stack = new BenchStack("rebuild", SuiteService.REPORTING)) {
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

            ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
            var readCpu = cpu.snapshot();
            long readStart = System.nanoTime();
            long read = readAll(stack.kafkaBootstrap());
            double readRate = read / ((System.nanoTime() - readStart) / 1e9);
            System.out.printf("raw read of %s: %d records = %.0f events/s (%s)%n", TOPICS, read, readRate,
                    BenchStack.load());
            System.out.println("  " + ProcessCpu.perOperation("event", readCpu, cpu.snapshot(), read));

            // the first rebuild also warms the service, the page cache and the database's caches up. Each
            // generation rebuilt on one server is slower than the one before, whatever it keeps: the variants then
            // run in a mirrored order (all, none, …, none, all), so that a steady drift weighs the same on each and
            // every variant's rate is the mean of its two runs; the upkeep is judged on those means and pair by pair
            rebuild(stack, cpu, read, readRate, "warm-up, every pre-aggregate maintained");
            Variant all = new Variant("every pre-aggregate maintained", MAINTENANCE_ON);
            Variant none = new Variant("no pre-aggregate maintained", maintenanceOff(MONTHLY_FACT, PEOPLE_AND_DELAYS));
            List<Variant> variants = singleSwitches
                    ? List.of(all, none, new Variant("without monthly_fact", maintenanceOff(MONTHLY_FACT)),
                            new Variant("without people/delays", maintenanceOff(PEOPLE_AND_DELAYS)))
                    : List.of(all, none);
            List<Variant> order = new ArrayList<>(variants);
            List<Variant> mirrored = new ArrayList<>(variants);
            Collections.reverse(mirrored);
            order.addAll(mirrored);
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (Variant variant : order) {
                maintenance(stack, variant.sql());
                rates.computeIfAbsent(variant.label(), l -> new ArrayList<>())
                        .add(rebuild(stack, cpu, read, readRate, variant.label()));
            }
            maintenance(stack, MAINTENANCE_ON);
            List<Double> allRuns = rates.get(all.label());
            List<Double> noneRuns = rates.get(none.label());
            double allRate = mean(allRuns);
            double noneRate = mean(noneRuns);
            StringBuilder summary = new StringBuilder("rebuild events/s (mean of two runs): raw read %.0f"
                    .formatted(readRate));
            rates.forEach((label, runs) -> summary.append("; %s %.0f = %.2f x (runs %s)".formatted(label,
                    mean(runs), mean(runs) / readRate, runs.stream().map(r -> "%.0f".formatted(r)).toList())));
            System.out.println(summary);
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
    }

    private record Variant(String label, String sql) {
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * The triggers of V3 (monthly_fact) and of V5 (people's items, delays' histogram), by name. V6's triggers on
     * {@code funding_decision} keep {@code funding_project}, which exists only to feed monthly_fact: they are part of
     * its upkeep.
     */
    private static final List<String> MONTHLY_FACT = List.of("%monthly_fact%", "funding_decision_projects%");
    private static final List<String> PEOPLE_AND_DELAYS = List.of("%people_and_delays%");

    /**
     * Disables the named pre-aggregates' triggers of every generation created from now on, as its migration creates
     * them, so that the rebuild's first batch already runs without them (an event trigger of this database only: the
     * benchmark's stack is thrown away after the run). What is folded stays empty: the fold costs a few empty reads.
     */
    @SafeVarargs
    private static String maintenanceOff(List<String>... triggerNames) {
        return MAINTENANCE_ON + ";\n" + """
                CREATE OR REPLACE FUNCTION bench_pre_aggregates_off() RETURNS event_trigger LANGUAGE plpgsql AS $$
                DECLARE t record;
                BEGIN
                    FOR t IN SELECT tr.tgname, c.relname, n.nspname FROM pg_event_trigger_ddl_commands() d
                        JOIN pg_trigger tr ON tr.oid = d.objid JOIN pg_class c ON c.oid = tr.tgrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE d.object_type = 'trigger' AND tr.tgname LIKE ANY (ARRAY['%s'])
                    LOOP
                        EXECUTE format('ALTER TABLE %%I.%%I DISABLE TRIGGER %%I', t.nspname, t.relname, t.tgname);
                    END LOOP;
                END $$;
                CREATE EVENT TRIGGER bench_pre_aggregates_off ON ddl_command_end WHEN TAG IN ('CREATE TRIGGER')
                    EXECUTE FUNCTION bench_pre_aggregates_off();
                """.formatted(String.join("', '", Stream.of(triggerNames).flatMap(List::stream).toList()));
    }

    private static final String MAINTENANCE_ON = "DROP EVENT TRIGGER IF EXISTS bench_pre_aggregates_off";

    private static void maintenance(BenchStack stack, String sql) throws java.sql.SQLException {
        try (Connection reporting = stack.connect(SuiteService.REPORTING);
                Statement statement = reporting.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double rebuild(BenchStack stack, ProcessCpu cpu, long read, double readRate, String label)
            throws InterruptedException {
        String admin = stack.token("admin");
        int activeBefore = stack.getWithToken(SuiteService.REPORTING, "/api/v1/projections/status", admin)
                .get("activeGeneration").asInt();
        var rebuildCpu = cpu.snapshot();
        long rebuildStart = System.nanoTime();
        int building = stack.post(SuiteService.REPORTING, "/api/v1/admin/projections/rebuild", "admin")
                .get("generation").asInt();
        while (stack.getWithToken(SuiteService.REPORTING, "/api/v1/projections/status", admin)
                .get("activeGeneration").asInt() != building) {
            // each look costs the service a token check, the positions and the topics' end offsets, charged to
            // the rebuild's CPU: four a second keep the end within 1-3 % of a rebuild of ten seconds or more
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - rebuildStart) / 1e9;
        double rate = read / seconds;
        System.out.printf("rebuild g%d -> g%d, %s: %d events in %.2f s = %.0f events/s = %.2f x the raw read rate"
                + " (%s, %s UTC)%n", activeBefore, building, label, read, seconds, rate, rate / readRate,
                BenchStack.load(), LocalTime.now(ZoneOffset.UTC).withNano(0));
        System.out.println("  " + ProcessCpu.perOperation("event", rebuildCpu, cpu.snapshot(), read));
        return rate;
    }

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
