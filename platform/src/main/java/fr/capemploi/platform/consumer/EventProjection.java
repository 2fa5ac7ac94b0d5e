package fr.capemploi.platform.consumer;

import fr.capemploi.events.EventEnvelope;
import java.util.List;
import java.util.Set;

/**
 * A read model fed by events. The platform delivers each event once per projection, inside a transaction that
 * also records the event id and the consumer's offset, so {@link #apply} only has to change its own tables. Most
 * projections extend {@link TypedProjection}, which hands each event to a method of its type.
 */
public interface EventProjection {

    /**
     * Stable name: part of its consumer name ({@code <service>.<name>} unless the feed names it otherwise,
     * {@link ProjectionChannels#feed}), the key of its positions and processed-event log. Never rename it.
     */
    String name();

    /** Logical topics ({@code fr.capemploi.events.Topics}) this projection reads. */
    Set<String> topics();

    /**
     * Applies one event in the current transaction. Throw {@link fr.capemploi.events.MalformedEventException}
     * for an event that can never be applied; it goes to the dead-letter topic with the message as reason.
     * Types the projection does not care about are simply ignored.
     */
    void apply(EventEnvelope envelope);

    /**
     * Whether {@link #apply} does anything with this type of event. Events a projection passes over are neither
     * applied nor written to its processed-event log (a redelivery of them changes nothing either).
     */
    default boolean handles(String eventType) {
        return true;
    }

    /**
     * Called before the events of a batch are applied, in their transaction; a batch that failed is tried again from
     * here, so a projection that queues statements forgets what it queued for the failed attempt.
     */
    default void beginBatch() {
    }

    /**
     * Called with the events of a batch it is about to apply (those it handles and has not applied before, in order),
     * in their transaction, before the first {@link #apply}: a projection that reads its rows by key reads them all
     * here in one statement rather than one look-up per event. {@link #apply} must still work for an event it was
     * not prepared with.
     */
    default void prepare(List<EventEnvelope> events) {
    }

    /**
     * Called once after the events of a batch have been applied, still in their transaction: a projection that
     * queues its statements to send them together sends them here.
     */
    default void flush() {
    }

    /**
     * Whether {@link #apply} only queues what it writes, nothing reaching the database before {@link #flush} (nor
     * read from it): a pipelined channel then applies the events of the next batch while the previous batch's
     * statements are sent and committed by another thread ({@link ProjectionChannels#openPipelined}).
     */
    default boolean queuesUntilFlush() {
        return false;
    }

    /**
     * For a projection that {@link #queuesUntilFlush}: what {@link #flush} would send, taken out of the projection
     * now, to be sent later by another thread, in the batch's transaction, before {@link #completeBatch}; the
     * projection is free to apply the next batch meanwhile.
     */
    default Runnable detachFlush() {
        throw new UnsupportedOperationException(name() + " writes while it applies");
    }

    /**
     * Called once the projections of a transaction have all flushed, before its commit (once per projection that
     * took part): what several projections' statements feed is done here once for all of them, e.g. folding the
     * pre-aggregates their statements noted. A projection applied alone (a failed batch retried) completes alone.
     */
    default void completeBatch() {
    }
}
