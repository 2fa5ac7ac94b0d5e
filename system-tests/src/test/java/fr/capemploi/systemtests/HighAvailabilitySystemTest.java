package fr.capemploi.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.localstack.EmbeddedDatabase;
import fr.capemploi.localstack.KafkaBroker;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.StackListener;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.TokenMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two of everything and a three-broker cluster, on ONE suite started as an operator would with
 * {@code ./suite up --brokers 3 --instances 2}: two instances of each service against one PostgreSQL server and a
 * cluster of three Kafka nodes. Under a writer that retries every unacknowledged request (same Idempotency-Key) until
 * it is acknowledged, the assertion is always the same: every acknowledged structure is counted once, on both
 * reporting instances. The scenarios run in order and build on each other (one start-up for all: CI time); the one that
 * kills instances comes last, so that nothing has to start them again, and only {@link CepWithTheRegistry}, which
 * needs one instance of each service, follows it. Backup and restore, which stops and starts
 * every service instance, runs on the one-of-everything suite ({@code RunningSuiteSystemTest.BackupAndRestore}): the
 * same commands and checks, four JVM starts instead of eight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HighAvailabilitySystemTest {

    private static final String REGION = "11";
    private static final String TOPIC = "beneficiary.events";
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Path data;
    private LocalStack stack;
    private TokenMinter tokens;
    private Admin admin;
    /** Structures counted before this class wrote anything, and every structure it had acknowledged since. */
    private long countedAtStart;
    private final List<UUID> acknowledged = new ArrayList<>();

    @BeforeAll
    void startTwoOfEverything() throws IOException {
        data = SystemStacks.dataFolder("-ha");
        // 2 cores for 8 service JVMs, 3 brokers and PostgreSQL: the services' default small heaps, lean brokers
        stack = SystemStacks.builder("-ha", "ha-stack", StackListener.NONE).brokers(3).instances(2).build();
        stack.start();
        tokens = stack.tokens();
        System.err.printf("[ha-stack] ready in %d ms: %s%n", stack.startupTime().toMillis(),
                stack.componentStartupTimes());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        countedAtStart = settledCount();
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.close();
        }
        SystemStacks.stop(stack);
    }

    @Test
    @Order(1)
    void topicsAreReplicatedThreeTimesAndNeedTwoCopies() throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        assertEquals(3, topic.partitions().size());
        topic.partitions().forEach(p -> assertEquals(3, p.replicas().size(), "replicas of " + p));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        String minIsr = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get("min.insync.replicas").value();
        assertEquals("2", minIsr);
        assertEquals(3, stack.brokers().size());
        for (SuiteService service : SuiteService.values()) {
            assertEquals(2, stack.instances(service).size(), service + " instances");
        }
    }

    @Test
    @Order(2)
    void aRebuildWithTwoReportingInstancesSwitchesBothUnderWrites() throws Exception {
        List<ServiceProcess> reporting = stack.instances(SuiteService.REPORTING);
        int active = status(reporting.get(0)).path("activeGeneration").asInt();
        assertEquals(active, status(reporting.get(1)).path("activeGeneration").asInt());

        try (AcknowledgedWriter writer = writer()) {
            writer.awaitAtLeast(20);
            // asked of the second instance; the first one must follow
            HttpResponse<String> started = send(HttpRequest.newBuilder(reporting.get(1).baseUri()
                            .resolve("/api/v1/admin/projections/rebuild"))
                    .header("Authorization", "Bearer " + stack.tokens().mint("admin"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(202, started.statusCode(), started.body());
            int rebuilt = JSON.readTree(started.body()).path("generation").asInt();
            assertTrue(rebuilt > active, started.body());
            for (ServiceProcess instance : reporting) {
                await(instance.name() + " switched to generation " + rebuilt).atMost(SETTLE)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> status(instance).path("activeGeneration").asInt() == rebuilt
                                && status(instance).path("lastRebuild").path("switchedAt").isTextual());
            }
            writer.awaitAtLeast(writer.count() + 20);
            writer.pause();
            acknowledged.addAll(writer.acknowledged());
        }
        awaitCounted(countedAtStart + acknowledged.size());
        for (ServiceProcess instance : reporting) {
            assertEquals(rebuilt(instance), status(instance).path("activeGeneration").asInt());
        }
    }

    @Test
    @Order(3)
    void acknowledgedIsCountedOnceWhenAnInstanceOfEachServiceABrokerAndTheDatabaseFail() throws Exception {
        // the consumer groups split the partitions between the two instances of each consuming service
        assertSplitBetweenTwo("reporting-service.projections", 9);
        assertSplitBetweenTwo("cep-service.beneficiary-directory", 3);
        assertSplitBetweenTwo("cpf-service.beneficiaries", 3);
        Map<TopicPartition, Long> start = endOffsets();
        Map<Integer, Double> publishedBefore = beneficiaryMetric("outbox_published_total");
        double failuresBefore = beneficiaryMetric("outbox_publish_failures_total").values().stream()
                .mapToDouble(Double::doubleValue).sum();

        List<UUID> written;
        try (AcknowledgedWriter writer = writer()) {
            // phase 1, nothing fails: both relays publish, yet no row is published twice (the relay's leadership)
            writer.awaitAtLeast(100);
            writer.pause();
            List<UUID> calm = writer.acknowledged();
            awaitCounted(countedAtStart + acknowledged.size() + calm.size());
            List<ConsumerRecord<String, byte[]>> records = read(start, endOffsets());
            assertEquals(calm.size(), eventIds(records).size(), "events published for " + calm.size() + " structures");
            assertEquals(Set.copyOf(calm), keys(records).stream().map(UUID::fromString).collect(Collectors.toSet()));
            double failures = beneficiaryMetric("outbox_publish_failures_total").values().stream()
                    .mapToDouble(Double::doubleValue).sum() - failuresBefore;
            // a row is sent again only after a failed send (its acknowledgement lost); two relays sending the same
            // pending rows at once would publish most of them twice
            if (failures == 0) {
                assertEquals(calm.size(), records.size(), "a row was published twice without any failure");
            }
            System.err.printf("[ha] calm phase: %d structures, %d records, %.0f publish failures%n", calm.size(),
                    records.size(), failures);
            Map<Integer, Double> publishedAfter = beneficiaryMetric("outbox_published_total");
            for (int instance : publishedAfter.keySet()) {
                assertTrue(publishedAfter.get(instance) > publishedBefore.getOrDefault(instance, 0.0),
                        "the relay of beneficiary-service instance " + instance + " published nothing: " + publishedAfter);
            }
            writer.resume();

            // phase 2: one instance of each service and one broker killed (SIGKILL), then PostgreSQL restarted
            int before = writer.count();
            for (SuiteService service : SuiteService.values()) {
                stack.instances(service).get(1).kill();
            }
            KafkaBroker broker = stack.brokers().get(1);
            broker.kill();
            writer.awaitAtLeast(before + 60);
            // the surviving instances take the dead ones' partitions over
            assertSplitBetween("reporting-service.projections", 1, 9);
            assertSplitBetween("cep-service.beneficiary-directory", 1, 3);

            // PostgreSQL stopped under the writer, then started by the operator's command (was also
            // RunningSuiteSystemTest's withoutPostgresEachServiceAnswers503... and the PostgreSQL half of its
            // restartBringsEachKindOfComponentBackAndWritesGoOn, each a stop and start of its own)
            int beforeRestart = writer.count();
            stack.database().close();
            // the killed broker rejoins meanwhile: its JVM start (CPU) overlaps the outage's waits instead of
            // following them; nothing below reads which brokers run
            broker.start();
            everyRunningInstanceAnswers503AndIsNotReady();
            SuiteCommand restart = suite("restart", "postgres");
            assertEquals(0, restart.exit(), restart.err());
            assertTrue(restart.out().contains("postgres restarted in"), restart.out());
            for (ServiceProcess instance : running()) {
                await(instance.name() + " ready again").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> readiness(instance) == 200);
            }
            writer.awaitAtLeast(beforeRestart + 30);
            writer.pause();
            System.err.printf("[ha] %d acknowledged, %d attempts sent again%n", writer.count(),
                    writer.failedAttempts());
            written = writer.acknowledged();
            acknowledged.addAll(written);
        }
        // the broker has rejoined (the killed service instances are not started again: this is the last scenario, and
        // the start of a service JVM is the restore's to prove, on the running suite)
        stack.brokers().get(1).awaitReady(SETTLE);

        awaitCounted(countedAtStart + acknowledged.size());
        List<ConsumerRecord<String, byte[]>> records = read(start, endOffsets());
        // what this scenario wrote (the rebuild's structures were published before its start offsets)
        assertTrue(keys(records).containsAll(written.stream().map(UUID::toString).toList()),
                "an acknowledged structure never reached the topic");
        System.err.printf("[ha] %d records for %d structures: %d published again after a failure%n", records.size(),
                written.size(), records.size() - eventIds(records).size());
    }

    /**
     * cep-service with the real beneficiary-service (was cep-service's {@code RegistryIntegrationTest}, then
     * {@code RunningSuiteSystemTest}'s): documents named from the registry, reads traced there, nothing personal kept,
     * erasure, and the registry down or hanging. It runs here, after the scenarios above (Jupiter runs a class's own
     * test methods before its {@code @Nested} classes), on what the failure scenario leaves: one instance of each
     * service, so the registry killed is the only one, as on a one-of-everything suite — cep-service reads instance 1
     * of beneficiary-service, and no second relay can publish what the crashed registry's relay must publish once it
     * is back. Here rather than on the running suite because that fork is the longer of the two: its set-up loads the
     * demo network twice, and the module ends when it ends.
     */
    @Nested
    class CepWithTheRegistry {

        private final RegistryDocumentsJourney journey = new RegistryDocumentsJourney(stack, new SuiteApi(stack));

        /**
         * A failure scenario that stopped half-way may leave the database or the instances this journey uses down;
         * the other instances stay as it left them (their start is no part of this journey).
         */
        @BeforeEach
        void theDatabaseAndTheFirstInstancesRun() {
            if (stack.database() instanceof EmbeddedDatabase embedded && !embedded.isRunning()) {
                suite("restart", "postgres");
            }
            for (SuiteService service : SuiteService.values()) {
                ServiceProcess first = stack.service(service);
                if (!first.isRunning()) {
                    first.start();
                    first.awaitReady(SETTLE);
                }
            }
        }

        @Test
        void theDossierDeSyntheseAndTheFicheDeLiaisonCarryTheNamesAndNoIdentifier() {
            journey.theDossierDeSyntheseAndTheFicheDeLiaisonCarryTheNamesAndNoIdentifier();
        }

        @Test
        void theReadIsInThePersonsAccessLogUnderTheCounsellorsName() {
            journey.theReadIsInThePersonsAccessLogUnderTheCounsellorsName();
        }

        @Test
        void nothingPersonalIsKeptInCepServicesTables() throws Exception {
            journey.nothingPersonalIsKeptInCepServicesTables();
        }

        @Test
        void anErasedPersonsDocumentsAreGone() {
            journey.anErasedPersonsDocumentsAreGone();
        }

        @Test
        void whenTheRegistryIsDownOrHangsThereIsNoDocumentButA503WithRetryAfter() throws Exception {
            journey.whenTheRegistryIsDownOrHangsThereIsNoDocumentButA503WithRetryAfter();
        }
    }

    /**
     * Without its database every running instance answers a read with 503 problem+json and Retry-After: 5 (nothing is
     * recorded; retry), and is not ready.
     */
    private void everyRunningInstanceAnswers503AndIsNotReady() {
        String counsellor = stack.tokens().mint("counsellor", UUID.randomUUID());
        Map<SuiteService, String> reads = Map.of(
                SuiteService.BENEFICIARY, "/api/v1/structures",
                SuiteService.CEP, "/api/v1/cep/accompaniments/" + UUID.randomUUID(),
                SuiteService.CPF, "/api/v1/cpf/accounts/" + UUID.randomUUID(),
                SuiteService.REPORTING, "/api/v1/indicators");
        Map<SuiteService, String> tokens = Map.of(SuiteService.BENEFICIARY, stack.tokens().mint("admin"),
                SuiteService.CEP, counsellor, SuiteService.CPF, counsellor,
                SuiteService.REPORTING, stack.tokens().mint("analyst"));
        List<ServiceProcess> running = running();
        assertEquals(SuiteService.values().length, running.size(), "one running instance of each service: " + running);
        for (ServiceProcess instance : running) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(instance.baseUri()
                            .resolve(reads.get(instance.service()))).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(instance.service())).GET().build());
            assertEquals(503, answer.statusCode(), instance.name() + ": " + answer.body());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null), instance.name());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    instance.name());
            assertEquals(503, readiness(instance), instance.name() + " ready without database");
        }
    }

    private List<ServiceProcess> running() {
        return stack.services().stream().filter(ServiceProcess::isRunning).toList();
    }

    private int readiness(ServiceProcess instance) {
        return send(HttpRequest.newBuilder(instance.managementUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(30)).GET().build()).statusCode();
    }

    private int rebuilt(ServiceProcess instance) {
        return status(instance).path("lastRebuild").path("generation").asInt();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A writer over the beneficiary-service instances running now. */
    private AcknowledgedWriter writer() {
        List<URI> instances = stack.instances(SuiteService.BENEFICIARY).stream().filter(ServiceProcess::isRunning)
                .map(ServiceProcess::baseUri).toList();
        return new AcknowledgedWriter(instances, stack.tokens().mint("admin"), REGION).start();
    }

    /** The running reporting instances caught up and counting {@code expected}; then again: never more. */
    private void awaitCounted(long expected) {
        List<ServiceProcess> running = stack.instances(SuiteService.REPORTING).stream()
                .filter(ServiceProcess::isRunning).toList();
        for (ServiceProcess instance : running) {
            await(instance.name() + " counts " + expected).atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> lag(instance) == 0 && counted(instance) == expected);
        }
        for (ServiceProcess instance : running) {
            assertEquals(expected, counted(instance), instance.name() + ": an event was counted twice");
        }
    }

    private long settledCount() {
        for (ServiceProcess instance : stack.instances(SuiteService.REPORTING)) {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> lag(instance) == 0);
        }
        return counted(stack.service(SuiteService.REPORTING));
    }

    private long counted(ServiceProcess reporting) {
        for (JsonNode indicator : get(reporting.baseUri(), "/api/v1/indicators", "analyst").path("indicators")) {
            if ("structures-registered".equals(indicator.path("id").asText())) {
                return indicator.path("value").asLong();
            }
        }
        throw new AssertionError("no structures-registered indicator");
    }

    private long lag(ServiceProcess reporting) {
        JsonNode lag = status(reporting).path("totalLag");
        return lag.isNumber() ? lag.asLong() : -1;
    }

    private JsonNode status(ServiceProcess reporting) {
        return get(reporting.baseUri(), "/api/v1/projections/status", "analyst");
    }

    private JsonNode get(URI base, String path, String role) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + tokens.mint(role)).header("Accept", "application/json")
                .GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + base + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A counter of each beneficiary-service instance (1, 2), e.g. outbox_published_total. */
    private Map<Integer, Double> beneficiaryMetric(String name) {
        Map<Integer, Double> published = new HashMap<>();
        for (ServiceProcess instance : stack.instances(SuiteService.BENEFICIARY)) {
            HttpResponse<String> metrics = send(HttpRequest.newBuilder(instance.managementUri().resolve("/q/metrics"))
                    .GET().build());
            double total = metrics.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            published.put(instance.instance(), total);
        }
        return published;
    }

    private void assertSplitBetweenTwo(String group, int partitions) {
        assertSplitBetween(group, 2, partitions);
    }

    /** Awaits {@code members} members of the group, each with partitions of its own, all partitions assigned. */
    private void assertSplitBetween(String group, int members, int partitions) {
        // while a killed broker is not fenced yet, the group's coordinator may not answer: asked again
        await(group + " split between " + members).atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(15, TimeUnit.SECONDS).get(group);
            List<Set<TopicPartition>> assignments = description.members().stream()
                    .map(MemberDescription::assignment).map(a -> a.topicPartitions()).toList();
            Set<TopicPartition> union = new HashSet<>();
            assignments.forEach(union::addAll);
            return assignments.size() == members && assignments.stream().noneMatch(Set::isEmpty)
                    && union.size() == partitions
                    && assignments.stream().mapToInt(Set::size).sum() == partitions;
        });
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            request.put(new TopicPartition(TOPIC, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        // a partition whose leader was just killed answers once another replica leads it
        await("end offsets of " + TOPIC).atMost(SETTLE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    ends.clear();
                    admin.listOffsets(request).all().get(15, TimeUnit.SECONDS)
                            .forEach((partition, info) -> ends.put(partition, info.offset()));
                    return ends.size() == request.size();
                });
        return ends;
    }

    /** Every record of the topic between two sets of offsets. */
    private List<ConsumerRecord<String, byte[]>> read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < to.get(p))) {
                assertTrue(System.nanoTime() < deadline, "the topic could not be read to its end");
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < to.get(partition)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Header id = record.headers().lastHeader("ce_id");
            assertFalse(id == null, "a record without ce_id");
            ids.add(new String(id.value(), StandardCharsets.UTF_8));
        }
        return ids;
    }

    private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    /** The operator's command, run through the same Main as ./suite, against this stack's data folder. */
    private SuiteCommand suite(String... args) {
        SuiteCommand run = SuiteCommand.run(data, args);
        System.err.printf("[ha] ./suite %s -> %d%n%s%s", String.join(" ", args), run.exit(), run.out(), run.err());
        return run;
    }
}
