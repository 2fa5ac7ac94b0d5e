package fr.capemploi.platform.consumer;

import static fr.capemploi.platform.testapp.WidgetFeed.registration;
import static fr.capemploi.platform.testapp.WidgetFeed.uniqueRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.platform.testapp.QueuedWidgetEvents;
import fr.capemploi.platform.testapp.QueuedWidgetProjection;
import fr.capemploi.testsupport.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A pipelined channel with two applying connections commits each projection's share of a batch in a transaction of
 * its own, side by side ({@link QueuedWidgetEvents}: two projections counting the same registrations, five records a
 * batch, so that a batch is in flight when the next is prepared).
 */
@QuarkusTest
class SideBySideCommitTest {

    @Inject
    QueuedWidgetEvents events;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    /**
     * One projection's share fails at the database while the other's commits beside it: the failed share alone is
     * applied again (the slow way: projection alone, then record by record), the other projection never applies its
     * share again, and each counts every registration once, its processed-event log holding each event once.
     */
    @Test
    void aShareFailingWhileTheOtherCommitsIsAppliedAgainAloneNothingLostNothingTwice() {
        QueuedWidgetProjection failing = events.projections().get(0);
        QueuedWidgetProjection beside = events.projections().get(1);
        String region = uniqueRegion();
        int failuresBefore = failing.failures();
        int slowBefore = failing.slowApplications();
        int besideSlowBefore = beside.slowApplications();
        double retriedBefore = registry.find("projection.channel.batches.retried").tag("channel", "queued-widgets")
                .counters().stream().mapToDouble(Counter::count).sum();
        failing.failOnceOn(region);
        // published while the channel idles: served, it finds them all, in batches of five, one in flight when the
        // next is prepared
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EventEnvelope event = registration(region);
            TestEvents.publishRaw(Topics.CEP, event.aggregateId().toString(), EventCodec.toBytes(event));
            sent.add(event.eventId());
        }
        events.serve();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> logged(consumer(failing), sent) == sent.size()
                    && logged(consumer(beside), sent) == sent.size());
        } finally {
            events.idle();
        }
        assertThat(counted(failing.row(region))).as("the failed share, applied again").isEqualTo(sent.size());
        assertThat(counted(beside.row(region))).as("the share committed beside it").isEqualTo(sent.size());
        assertThat(failing.failures() - failuresBefore).as("the injected failure happened").isEqualTo(1);
        assertThat(failing.slowApplications()).as("the failed share applied again alone").isGreaterThan(slowBefore);
        assertThat(beside.slowApplications()).as("the share that committed, never applied again")
                .isEqualTo(besideSlowBefore);
        assertThat(registry.find("projection.channel.batches.retried").tag("channel", "queued-widgets").counters()
                .stream().mapToDouble(Counter::count).sum()).isGreaterThan(retriedBefore);
    }


    private static String consumer(QueuedWidgetProjection projection) {
        return "platform-test." + projection.name();
    }

    /** How many of these events the consumer's processed-event log holds, each row counted. */
    @Transactional
    long logged(String consumer, List<UUID> eventIds) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM processed_event p JOIN event_consumer c"
                + " ON c.id = p.consumer_id WHERE c.name = ?1 AND p.event_id = ANY(CAST(?2 AS UUID[]))")
                .setParameter(1, consumer).setParameter(2, eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .getSingleResult()).longValue();
    }

    @Transactional
    long counted(String row) {
        List<?> rows = entityManager.createNativeQuery("SELECT registered FROM widget_count WHERE region = ?1")
                .setParameter(1, row).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
