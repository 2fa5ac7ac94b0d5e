package fr.capemploi.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.awaitility.Awaitility;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker for tests: the one named by {@code KAFKA_BOOTSTRAP}, or else a single combined
 * broker+controller node started in this JVM once. Callers isolate themselves with a topic prefix of their own.
 */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (cluster == null) {
            // Kafka's test utilities delete the broker's folders from a shutdown hook of their own, which may run while
            // the broker still writes; the broker then declares its log directory failed and halts the JVM with
            // status 1 after every test has passed. A halt during JVM shut-down is therefore ignored.
            Exit.setHaltProcedure((status, message) -> {
                if (!jvmShuttingDown()) {
                    Runtime.getRuntime().halt(status);
                }
            });
            try {
                KafkaClusterTestKit started = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .build();
                started.format();
                started.startup();
                started.waitForReadyBrokers();
                cluster = started;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the in-JVM Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::closeWithin5Seconds, "kafka-test-broker-stop"));
        }
        return cluster.bootstrapServers();
    }

    /**
     * Waits until the consumer group {@code groupId} holds every partition of {@code topic}. A service's consumer
     * joins its group after the service has started (Quarkus does not wait for it, nor should readiness: a service
     * is ready without its broker), and the first join also creates the group coordinator's topic: on a loaded
     * machine that took longer than a test's wait for one record to arrive. A test that waits for the service to have
     * read a record awaits this first, with a start-up's bound, then the record with an arrival's.
     */
    public static void awaitAssigned(String groupId, String topic, Duration within) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Awaitility.await("consumer group " + groupId + " holding every partition of " + topic).atMost(within)
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                                .partitions().size();
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                                .describedGroups().get(groupId).get();
                        return group.members().stream().flatMap(member -> member.assignment().topicPartitions()
                                .stream()).filter(partition -> partition.topic().equals(topic)).count() == partitions;
                    });
        }
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * The broker lives in this JVM and dies with it; closing only tidies its temporary folders. A controlled
     * shutdown can take long on a loaded machine, and the test runner gives a finished JVM little time to exit.
     */
    private static void closeWithin5Seconds() {
        Thread closer = new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is going away
            }
        }, "kafka-test-broker-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
