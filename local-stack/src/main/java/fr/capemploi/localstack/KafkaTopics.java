package fr.capemploi.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Talks to a broker through the AdminClient: readiness and idempotent topic creation. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /**
     * Waits until the cluster answers a metadata request.
     *
     * @param stillWorthWaiting false as soon as waiting is pointless (broker process died, stack closing)
     */
    static void awaitReachable(String bootstrap, Duration timeout, BooleanSupplier stillWorthWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        // a plain connect first: the AdminClient would log a warning for every refused attempt
        while (System.nanoTime() < deadline && stillWorthWaiting.getAsBoolean() && !accepts(bootstrap)) {
            pause(100);
        }
        try (Admin admin = Admin.create(config(bootstrap))) {
            while (System.nanoTime() < deadline && stillWorthWaiting.getAsBoolean()) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("interrupted while waiting for Kafka", e);
                }
                pause(200);
            }
        }
        throw new StackStartException("Kafka at " + bootstrap + " did not answer"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    /** Waits until {@code brokers} brokers have registered with the cluster (a replicated topic needs them all). */
    static void awaitBrokers(String bootstrap, int brokers, Duration timeout, BooleanSupplier stillWorthWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        try (Admin admin = Admin.create(config(bootstrap))) {
            while (System.nanoTime() < deadline && stillWorthWaiting.getAsBoolean()) {
                try {
                    seen = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
                    if (seen >= brokers) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not all up yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("interrupted while waiting for Kafka", e);
                }
                pause(200);
            }
        }
        throw new StackStartException("only " + seen + " of " + brokers + " Kafka brokers registered at " + bootstrap);
    }

    /** Creates what is missing; an existing topic is left as it is (its partitions are never changed). */
    static void ensureCreated(String bootstrap, List<TopicSpec> topics, Duration timeout) {
        ensureCreated(bootstrap, topics, Map.of(), timeout);
    }

    /**
     * As {@link #ensureCreated(String, List, Duration)}, with settings added to every topic's own (e.g.
     * {@code min.insync.replicas} on a cluster).
     */
    static void ensureCreated(String bootstrap, List<TopicSpec> topics, Map<String, String> extraConfig,
                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config(bootstrap))) {
            for (TopicSpec topic : topics) {
                // the replication factor is the broker's default: 1 on the embedded broker, 3 on the embedded
                // cluster, whatever an external cluster is configured for
                Map<String, String> settings = new java.util.HashMap<>(topic.config());
                settings.putAll(extraConfig);
                NewTopic request = new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
                        .configs(settings);
                while (true) {
                    try {
                        admin.createTopics(List.of(request)).all().get(10, TimeUnit.SECONDS);
                        break;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicExistsException) {
                            break;
                        }
                        // a freshly started controller may refuse for a moment; retry until the deadline
                        if (System.nanoTime() > deadline) {
                            throw new StackStartException("cannot create topic " + topic.name() + ": "
                                    + e.getCause().getMessage(), e);
                        }
                        pause(300);
                    } catch (TimeoutException e) {
                        if (System.nanoTime() > deadline) {
                            throw new StackStartException("timed out creating topic " + topic.name(), e);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StackStartException("interrupted while creating topics", e);
                    }
                }
            }
        }
    }

    private static boolean accepts(String bootstrap) {
        String first = bootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon),
                    Integer.parseInt(first.substring(colon + 1))), 500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> config(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                // keep the reconnect back-off short: the broker is expected within seconds
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted", e);
        }
    }
}
