package fr.capemploi.platform.testapp;

import static org.awaitility.Awaitility.await;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.testsupport.TestEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events the platform's consumer tests send to the test application's widget projection, as another service's
 * relay would, and what they read back: each registration counts one structure of its region.
 */
@ApplicationScoped
public class WidgetFeed {

    /** The projection's consumer name, as processed_event and the dead letters know it. */
    public static final String CONSUMER = "platform-test.widgets";

    private final EntityManager entityManager;

    public WidgetFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A region no other test counts in. */
    public static String uniqueRegion() {
        return "R" + UUID.randomUUID().toString().substring(0, 6);
    }

    public static EventEnvelope registration(String region) {
        return EventCodec.envelope(new StructureRegistered(UUID.randomUUID(), "T1", "test", region, "75",
                LocalDate.of(2016, 1, 4)), Instant.now(), "another-service", Clock.systemUTC());
    }

    public static void send(EventEnvelope envelope) {
        TestEvents.publish(EventCodec.payload(envelope), envelope);
    }

    @Transactional
    public boolean processed(UUID eventId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_event p JOIN event_consumer c ON c.id = p.consumer_id"
                + " WHERE c.name = ?1 AND p.event_id = ?2")
                .setParameter(1, CONSUMER).setParameter(2, eventId).getSingleResult()).longValue() == 1;
    }

    @Transactional
    public long registered(String region) {
        List<?> rows = entityManager.createNativeQuery("SELECT registered FROM widget_count WHERE region = ?1")
                .setParameter(1, region).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** How many structures the region counts once the event sent last was applied. */
    public long registeredOnceApplied(String region, EventEnvelope last) {
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(last.eventId()));
        return registered(region);
    }
}
