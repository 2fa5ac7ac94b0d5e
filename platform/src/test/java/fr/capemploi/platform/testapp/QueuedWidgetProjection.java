package fr.capemploi.platform.testapp;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts registrations per region under a prefix of its own ({@code "<name> <region>"}), queuing its statements until
 * the batch is flushed, as the reporting service's projections do, so that a pipelined channel prepares the next batch
 * while this one is sent, and declares that its share of a batch may commit apart from the other projections'. It
 * counts how its shares were sent: prepared and committed by an applying thread ({@link #detachFlush}), or applied
 * again the slow way after a failure ({@link #flush}); and it can be told to fail, once, at the database, the share
 * that counts a given region.
 */
public class QueuedWidgetProjection extends TypedProjection {

    private static final String COUNT = """
            INSERT INTO widget_count (region, registered) VALUES (?1, 1)
            ON CONFLICT (region) DO UPDATE SET registered = widget_count.registered + 1
            """;

    private final String prefix;
    private final EntityManager entityManager;
    private List<String> queued = new ArrayList<>();
    private final AtomicReference<String> failOnce = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger slowApplications = new AtomicInteger();

    public QueuedWidgetProjection(String name, String topic, EntityManager entityManager) {
        super(name, topic);
        this.prefix = name + " ";
        this.entityManager = entityManager;
        on(StructureRegistered.class, this::registered);
    }

    /** The share that counts this region fails at the database the next time it is sent, once. */
    public void failOnceOn(String region) {
        failOnce.set(prefix + region);
    }

    /** How many of its shares failed at the database. */
    public int failures() {
        return failures.get();
    }

    /** How many times it was applied the slow way: again, alone, after its share or its batch failed. */
    public int slowApplications() {
        return slowApplications.get();
    }

    /** The row it counts a region in. */
    public String row(String region) {
        return prefix + region;
    }

    private void registered(StructureRegistered event, EventEnvelope envelope) {
        queued.add(prefix + event.region());
    }

    @Override
    public void beginBatch() {
        queued.clear();
    }

    @Override
    public boolean queuesUntilFlush() {
        return true;
    }

    @Override
    public boolean commitsApart() {
        return true;
    }

    @Override
    public void flush() {
        slowApplications.incrementAndGet();
        send(queued);
        queued.clear();
    }

    @Override
    public Runnable detachFlush() {
        List<String> rows = queued;
        queued = new ArrayList<>();
        return () -> send(rows);
    }

    private void send(List<String> rows) {
        for (String row : rows) {
            entityManager.createNativeQuery(COUNT).setParameter(1, row).executeUpdate();
        }
        String failing = failOnce.get();
        if (failing != null && rows.contains(failing) && failOnce.compareAndSet(failing, null)) {
            failures.incrementAndGet();
            // after its counts: the transaction rolls them back with the failure
            entityManager.createNativeQuery("SELECT 1 / 0").getResultList();
        }
    }
}
