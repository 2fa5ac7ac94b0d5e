package fr.capemploi.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records another service announces (a person, a counsellor), published a batch at a time and handed out one each:
 * the service's directory takes a batch in one go, so the tests that each need a record of their own wait for one
 * arrival rather than one per record. Which record a test gets does not matter: none is used twice.
 */
public final class AnnouncedInBatches {

    private final int batch;
    private final Supplier<UUID> announce;
    private final Deque<UUID> announced = new ArrayDeque<>();

    /** {@code announce} publishes one new record and returns its id. */
    public AnnouncedInBatches(int batch, Supplier<UUID> announce) {
        this.batch = batch;
        this.announce = announce;
    }

    /** A record announced for no one else; the next batch is published when none is left. */
    public synchronized UUID next() {
        if (announced.isEmpty()) {
            for (int i = 0; i < batch; i++) {
                announced.add(announce.get());
            }
        }
        return announced.poll();
    }
}
