package fr.capemploi.bench;

import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.localstack.SuiteService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Rebuild throughput: loads N events, then compares the time a rebuild from offset 0 takes with the time a bare
 * consumer takes to read the same topic, in the same run.
 */
public final class RebuildThroughputBench {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BenchStack stack = new BenchStack("rebuild", SuiteService.REPORTING)) {
            long loadStart = System.nanoTime();
            for (int i = 0; i < events; i++) {
                stack.publish(new StructureRegistered(UUID.randomUUID(), "R" + Integer.toString(i, 36).toUpperCase(),
                        "Cap emploi", i % 2 == 0 ? "11" : "84", i % 2 == 0 ? "75" : "69", LocalDate.of(2016, 1, 4)),
                        Instant.now());
            }
            stack.flush();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("loaded %d events in %.1f s (%.0f events/s)%n", events, loadSeconds, events / loadSeconds);
            long liveStart = System.nanoTime();
            stack.awaitReportingLagZero(Duration.ofMinutes(30));
            System.out.printf("live projection caught up %.1f s after the load ended%n",
                    (System.nanoTime() - liveStart) / 1e9);

            ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
            var readCpu = cpu.snapshot();
            long readStart = System.nanoTime();
            long read = readAll(stack.kafkaBootstrap(), Topics.BENEFICIARY);
            double readSeconds = (System.nanoTime() - readStart) / 1e9;
            System.out.printf("raw read: %d records in %.2f s = %.0f events/s (%s)%n", read, readSeconds,
                    read / readSeconds, BenchStack.load());
            System.out.println("  " + ProcessCpu.perOperation("event", readCpu, cpu.snapshot(), read));

            int activeBefore = stack.get(SuiteService.REPORTING, "/api/v1/projections/status", "admin")
                    .get("activeGeneration").asInt();
            var rebuildCpu = cpu.snapshot();
            long rebuildStart = System.nanoTime();
            int building = stack.post(SuiteService.REPORTING, "/api/v1/admin/projections/rebuild", "admin")
                    .get("generation").asInt();
            while (stack.get(SuiteService.REPORTING, "/api/v1/projections/status", "admin").get("activeGeneration")
                    .asInt() != building) {
                Thread.sleep(100);
            }
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            System.out.printf("rebuild g%d -> g%d: %d events in %.2f s = %.0f events/s (%.0f %% of the raw read rate)%n",
                    activeBefore, building, read, rebuildSeconds, read / rebuildSeconds,
                    100 * (read / rebuildSeconds) / (read / readSeconds));
            System.out.println("  " + ProcessCpu.perOperation("event", rebuildCpu, cpu.snapshot(), read)
                    + " (" + BenchStack.load() + ")");
        }
    }

    private static long readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
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
