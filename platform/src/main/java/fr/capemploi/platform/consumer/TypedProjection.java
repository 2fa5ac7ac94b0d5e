package fr.capemploi.platform.consumer;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.EventType;
import fr.capemploi.events.MalformedEventException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A projection that handles typed events, one method per event type and version it knows. An event type it has no
 * method for is none of its business and is passed over; an event of a type it handles but in a schema version it
 * has no method for can not be applied safely, so it goes to the dead-letter topic, never silently through.
 */
public abstract class TypedProjection implements EventProjection {

    private final Map<String, Map<Integer, Handler<?>>> handlers = new HashMap<>();
    private final String name;
    private final Set<String> topics;

    /**
     * A projection says what it is once, where it declares its methods: its name and topics are fixed for its life.
     *
     * @param name   stable: part of the consumer name its positions and processed-event log are kept under; never
     *               rename it
     * @param topics the logical topics ({@code fr.capemploi.events.Topics}) it reads
     */
    protected TypedProjection(String name, String... topics) {
        this.name = name;
        this.topics = Set.of(topics);
    }

    /** The container's client proxy of a subclass needs one; it delegates every call to the real bean. */
    protected TypedProjection() {
        this(null);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> topics() {
        return topics;
    }

    /** Declares the method for one event type and version (an upcaster is a method that reads an older version). */
    protected final <E extends DomainEvent> void on(Class<E> type, BiConsumer<E, EventEnvelope> handler) {
        EventType meta = EventCatalog.metadata(type);
        if (handlers.computeIfAbsent(meta.name(), n -> new HashMap<>()).put(meta.version(),
                new Handler<>(type, handler)) != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " handles " + meta.name() + " v"
                    + meta.version() + " twice");
        }
    }

    @Override
    public final boolean handles(String eventType) {
        return handlers.containsKey(eventType);
    }

    @Override
    public final void apply(EventEnvelope envelope) {
        Map<Integer, Handler<?>> versions = handlers.get(envelope.eventType());
        if (versions == null) {
            return;
        }
        Handler<?> handler = versions.get(envelope.schemaVersion());
        if (handler == null) {
            throw new MalformedEventException(envelope.eventType() + " schemaVersion " + envelope.schemaVersion()
                    + " is not known to projection " + name() + " (it reads versions " + versions.keySet() + ")");
        }
        handler.handle(envelope, this);
    }

    /**
     * The events of one type (in a version whose method reads that type) among a batch, e.g. to read in
     * {@link #prepare} the rows they will touch; an event that cannot be read is left to {@link #apply}, which
     * refuses it.
     */
    protected final <E extends DomainEvent> List<E> eventsOf(Class<E> type, List<EventEnvelope> batch) {
        List<E> events = new ArrayList<>();
        for (EventEnvelope envelope : batch) {
            Map<Integer, Handler<?>> versions = handlers.get(envelope.eventType());
            Handler<?> handler = versions == null ? null : versions.get(envelope.schemaVersion());
            if (handler != null && handler.type() == type) {
                try {
                    events.add(EventCodec.payload(envelope, type));
                } catch (RuntimeException unreadable) {
                    // apply() meets it again and refuses it with its reason (dead-letter topic)
                }
            }
        }
        return events;
    }

    /**
     * Called with each event just before its method: e.g. a projection that sends its statements at the end of the
     * batch notes whose statements follow (the event's record key: the same key, the same order as published).
     */
    protected void handling(DomainEvent event) {
    }

    private record Handler<E extends DomainEvent>(Class<E> type, BiConsumer<E, EventEnvelope> method) {
        void handle(EventEnvelope envelope, TypedProjection projection) {
            E event = EventCodec.payload(envelope, type);
            projection.handling(event);
            method.accept(event, envelope);
        }
    }
}
