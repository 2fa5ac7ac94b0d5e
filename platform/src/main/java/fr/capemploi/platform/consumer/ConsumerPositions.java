package fr.capemploi.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The consumer's bookkeeping tables, always written in the transaction of the projection change. */
@ApplicationScoped
public class ConsumerPositions {

    private final EntityManager entityManager;

    public ConsumerPositions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return false if this consumer had already processed the event (a redelivery or a duplicate publish) */
    public boolean markProcessed(String consumer, UUID eventId) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    public void advance(String consumer, String topic, int partition, long nextOffset, Instant lastEventAt) {
        entityManager.createNativeQuery("""
                INSERT INTO consumer_offset (consumer, topic, kafka_partition, next_offset, last_event_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, now())
                ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE
                SET next_offset = GREATEST(consumer_offset.next_offset, EXCLUDED.next_offset),
                    last_event_at = COALESCE(EXCLUDED.last_event_at, consumer_offset.last_event_at),
                    updated_at = now()
                """)
                .setParameter(1, consumer)
                .setParameter(2, topic)
                .setParameter(3, partition)
                .setParameter(4, nextOffset)
                .setParameter(5, lastEventAt == null ? null : Timestamp.from(lastEventAt))
                .executeUpdate();
    }

    public void recordDeadLetter(String consumer, String topic, int partition, long offset, String reason) {
        entityManager.createNativeQuery("""
                INSERT INTO dead_lettered_event (consumer, topic, kafka_partition, kafka_offset, reason)
                VALUES (?1, ?2, ?3, ?4, ?5)
                """)
                .setParameter(1, consumer)
                .setParameter(2, topic)
                .setParameter(3, partition)
                .setParameter(4, offset)
                .setParameter(5, reason)
                .executeUpdate();
    }

    /** Next offset per partition of a topic, as committed with the projection. */
    public Map<Integer, Position> positions(String consumer, String topic) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT kafka_partition, next_offset, last_event_at FROM consumer_offset WHERE consumer = ?1 AND topic = ?2")
                .setParameter(1, consumer)
                .setParameter(2, topic)
                .getResultList();
        Map<Integer, Position> positions = new HashMap<>();
        for (Object[] row : rows) {
            positions.put(((Number) row[0]).intValue(),
                    new Position(((Number) row[1]).longValue(), toInstant(row[2])));
        }
        return positions;
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    public record Position(long nextOffset, Instant lastEventAt) {
    }
}
