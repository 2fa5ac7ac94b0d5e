package fr.capemploi.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The processed-event log partitioned by consumer (V0_9): each consumer's rows in a partition of its own, made when it
 * is registered and gone with it when its number is retired; a duplicate still refused by its key; a database of the
 * release before carried over with its rows.
 */
@QuarkusTest
class ProcessedEventPartitionsTest {

    @Inject
    ConsumerPositions positions;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConsumersLogLivesInAPartitionOfItsOwn() {
        String consumer = "platform-test.partition-" + UUID.randomUUID();
        String other = "platform-test.partition-" + UUID.randomUUID();
        List<UUID> events = ids(3);
        QuarkusTransaction.requiringNew().run(() -> positions.markFresh(consumer, events));
        QuarkusTransaction.requiringNew().run(() -> positions.markFresh(other, List.of(events.get(0))));

        assertThat(partitionsHolding(consumer)).containsExactly("processed_event_" + number(consumer));
        assertThat(count("processed_event_" + number(consumer))).isEqualTo(3);
        assertThat(partitionsHolding(other)).containsExactly("processed_event_" + number(other));
        assertThat(count("processed_event_" + number(other))).isEqualTo(1);
    }

    @Test
    void aRegistrationRolledBackWithItsBatchLeavesNeitherNumberNorPartition() {
        String consumer = "platform-test.rolled-back-" + UUID.randomUUID();
        Integer[] given = new Integer[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            positions.markFresh(consumer, ids(2));
            given[0] = number(consumer);
            throw new IllegalStateException("the batch fails after its log");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(given[0]).as("registered in the batch's transaction").isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM event_consumer WHERE name = ?1").setParameter(1, consumer).getSingleResult()))
                .isEqualTo(0L);
        assertThat(tableExists("processed_event_" + given[0])).isFalse();
    }

    @Test
    void aDuplicatePublishIsStillRefusedByItsConsumersPartition() {
        String consumer = "platform-test.duplicate-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> positions.markFresh(consumer, List.of(first, second)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> positions.markFresh(consumer,
                List.of(UUID.randomUUID(), first)))).isInstanceOf(ConsumerPositions.AlreadyProcessed.class);
        UUID fresh = UUID.randomUUID();
        assertThat(QuarkusTransaction.requiringNew().call(() -> positions.markProcessed(consumer,
                List.of(second, fresh)))).containsExactly(fresh);
        assertThat(QuarkusTransaction.requiringNew().call(() -> positions.markProcessed(
                "platform-test.duplicate-other-" + UUID.randomUUID(), List.of(first))))
                .as("another consumer's log is its own").containsExactly(first);
    }

    @Test
    void anUnregisteredConsumersLogIsDroppedWithItsPartitionAndTheOthersAreUntouched() throws Exception {
        String retired = "platform-test.retired-" + UUID.randomUUID();
        String detached = "platform-test.detached-" + UUID.randomUUID();
        String live = "platform-test.live-" + UUID.randomUUID();
        for (String consumer : List.of(retired, detached, live)) {
            QuarkusTransaction.requiringNew().run(() -> positions.markFresh(consumer, ids(50)));
        }
        int retiredNumber = number(retired);
        int detachedNumber = number(detached);
        String liveLog = "processed_event_" + number(live);
        // retired as reporting-service retires a generation's consumers: their numbers deleted in a transaction; one
        // of the partitions then left detached, as a drop interrupted between its detach and its drop leaves it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM event_consumer WHERE name IN (?1, ?2)").setParameter(1, retired).setParameter(2, detached)
                .executeUpdate());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE processed_event DETACH PARTITION processed_event_" + detachedNumber);
        }

        assertThat(positions.dropUnregisteredLogs())
                .contains("processed_event_" + retiredNumber, "processed_event_" + detachedNumber)
                .doesNotContain(liveLog);
        assertThat(tableExists("processed_event_" + retiredNumber)).isFalse();
        assertThat(tableExists("processed_event_" + detachedNumber)).isFalse();
        assertThat(count("processed_event WHERE consumer_id IN (" + retiredNumber + ", " + detachedNumber + ")"))
                .isZero();
        assertThat(count(liveLog)).isEqualTo(50);
        assertThat(partitionsHolding(live)).containsExactly(liveLog);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            try {
                positions.dropUnregisteredLogs();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })).as("a detach inside a transaction would wait for it").hasMessageContaining("outside any transaction");
    }

    /**
     * A service's database of the release before (migrated to V0_8 by Flyway, with two consumers' logs) migrated to
     * V0_9: each consumer's rows in its own partition with their age, each still refused by its consumer only, a
     * consumer new after the migration registered with a partition of its own.
     */
    @Test
    void theMigrationCarriesEachConsumersRowsIntoItsPartition() throws Exception {
        String schema = "before_v0_9_" + UUID.randomUUID().toString().substring(0, 8);
        UUID logged = UUID.randomUUID();
        UUID loggedByAnother = UUID.randomUUID();
        String at = "2026-11-20T10:00:00Z";
        try {
            flyway(schema, "0.8").migrate();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL search_path TO " + schema);
                    statement.execute("INSERT INTO event_consumer (name) VALUES ('reporting-service.portfolio.g3'),"
                            + " ('cep-service.beneficiary-directory')");
                    statement.execute("INSERT INTO processed_event (consumer_id, event_id, processed_at)"
                            + " SELECT e.id, gen_random_uuid(), now() - g * interval '1 minute'"
                            + " FROM event_consumer e, generate_series(1, 1000) g");
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                        + " (consumer_id, event_id, processed_at) SELECT id, ?, CAST(? AS TIMESTAMPTZ)"
                        + " FROM event_consumer WHERE name = ?")) {
                    for (Object[] row : List.of(new Object[] {logged, "reporting-service.portfolio.g3"},
                            new Object[] {loggedByAnother, "cep-service.beneficiary-directory"})) {
                        insert.setObject(1, row[0]);
                        insert.setString(2, at);
                        insert.setString(3, (String) row[1]);
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            }

            assertThat(flyway(schema, "latest").migrate().migrationsExecuted).isEqualTo(1);

            assertThat(inSchema(schema, () -> partitionsOf())).hasSize(2);
            for (String consumer : List.of("reporting-service.portfolio.g3", "cep-service.beneficiary-directory")) {
                assertThat(inSchema(schema, () -> partitionsHolding(consumer)))
                        .containsExactly("processed_event_" + inSchema(schema, () -> number(consumer)));
                assertThat(inSchema(schema, () -> count("processed_event_" + number(consumer)))).isEqualTo(1_001);
            }
            assertThat(inSchema(schema, () -> count("processed_event WHERE event_id = '" + loggedByAnother
                    + "' AND processed_at = CAST('" + at + "' AS TIMESTAMPTZ)"))).as("the age retention reads, kept")
                    .isEqualTo(1);
            UUID fresh = UUID.randomUUID();
            assertThat(inSchema(schema, () -> positions.markProcessed("reporting-service.portfolio.g3",
                    List.of(logged, fresh)))).containsExactly(fresh);
            assertThatThrownBy(() -> inSchema(schema, () -> {
                positions.markFresh("cep-service.beneficiary-directory", List.of(UUID.randomUUID(), loggedByAnother));
                return null;
            })).isInstanceOf(ConsumerPositions.AlreadyProcessed.class);
            String newcomer = "cep-service.cpf-" + UUID.randomUUID();
            assertThat(inSchema(schema, () -> positions.markProcessed(newcomer, List.of(logged, loggedByAnother))))
                    .as("a consumer new after the migration").containsExactlyInAnyOrder(logged, loggedByAnother);
            assertThat(inSchema(schema, () -> partitionsHolding(newcomer)))
                    .containsExactly("processed_event_" + inSchema(schema, () -> number(newcomer)));
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/platform").target(target).load();
    }

    /** Runs {@code work} in a transaction of its own whose unqualified tables are the given schema's. */
    private <T> T inSchema(String schema, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL search_path TO " + schema);
                }
            });
            return work.get();
        });
    }

    private static List<UUID> ids(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toList();
    }

    /** In the caller's transaction if there is one. */
    private int number(String consumer) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT id FROM event_consumer WHERE name = ?1").setParameter(1, consumer).getSingleResult()).intValue());
    }

    /** The tables the consumer's rows are stored in. */
    @SuppressWarnings("unchecked")
    private List<String> partitionsHolding(String consumer) {
        return QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery(
                "SELECT DISTINCT p.tableoid::regclass::text FROM processed_event p JOIN event_consumer c"
                        + " ON c.id = p.consumer_id WHERE c.name = ?1").setParameter(1, consumer).getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> partitionsOf() {
        return QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery(
                "SELECT relid::regclass::text FROM pg_partition_tree('processed_event') WHERE isleaf")
                .getResultList());
    }

    private long count(String from) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM " + from).getSingleResult()).longValue());
    }

    private boolean tableExists(String table) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(to_regclass(?1) AS TEXT)").setParameter(1, table).getSingleResult() != null);
    }
}
