package fr.capemploi.platform.directory;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import fr.capemploi.platform.time.BusinessDay;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The people beneficiary-service announces, into a service's own {@code known_beneficiary} table: the one way a
 * registration and an erasure are applied, whatever the service keeps beside them (its subclass says what a new entry
 * holds, and may handle more of the topic's events).
 *
 * <p>An erasure of a person whose registration this service never saw (a projection started after it, a registration
 * dead-lettered) leaves a <b>tombstone</b>: an erased entry with the person's id and structure, so that every request
 * about the id is refused at once as erased (410 {@code beneficiary-erased}), never waited for and answered "unknown",
 * and a registration replayed later cannot bring the person back. The erasure day is the event's
 * {@code erasedOn}, or, for an event without it, the business day of its occurrence.
 */
public abstract class BeneficiaryEntryProjection<E extends BeneficiaryEntry> extends TypedProjection {

    /** The people a batch touches, read at once (only touched on the channel's consumer thread, in its transaction). */
    private final BatchOfEntries<E> entries;

    /** @param name the projection's stable name ({@link TypedProjection#TypedProjection(String, String...)}) */
    protected BeneficiaryEntryProjection(String name, PanacheRepositoryBase<E, UUID> entries) {
        super(name, Topics.BENEFICIARY);
        this.entries = entries == null ? null
                : new BatchOfEntries<>(entries, "beneficiaryId", BeneficiaryEntry::beneficiaryId);
        on(BeneficiaryRegistered.class, this::registered);
        on(BeneficiaryErased.class, this::erased);
    }

    /** The container's client proxy of a subclass needs one; it delegates every call to the real bean. */
    protected BeneficiaryEntryProjection() {
        this(null, null);
    }

    @Override
    public final void beginBatch() {
        entries.begin();
    }

    /** The entries of every person the batch names, in one statement. */
    @Override
    public final void prepare(List<EventEnvelope> events) {
        Set<UUID> people = new HashSet<>();
        eventsOf(BeneficiaryRegistered.class, events).forEach(e -> people.add(e.beneficiaryId()));
        eventsOf(BeneficiaryErased.class, events).forEach(e -> people.add(e.beneficiaryId()));
        people.addAll(alsoAbout(events));
        entries.read(people);
    }

    /** The people the subclass's own events of the batch name, whose entries it will look up ({@link #entry}). */
    protected Collection<UUID> alsoAbout(List<EventEnvelope> events) {
        return List.of();
    }

    /** A person's entry, as the batch read it or changed it. */
    protected final Optional<E> entry(UUID beneficiaryId) {
        return entries.find(beneficiaryId);
    }

    /** The entry of a person registered for the first time here. */
    protected abstract E entryOf(BeneficiaryRegistered event, EventEnvelope envelope);

    /** A later registration of a known person (a correction in the registry) replaces what the entry keeps. */
    protected abstract void registeredAgain(E known, BeneficiaryRegistered event, EventEnvelope envelope);

    /** An erased entry for a person whose registration was never seen here. */
    protected abstract E tombstone(UUID beneficiaryId, UUID structureId, EventEnvelope envelope);

    /** What else the service drops of the person once erased (free text typed about them...); nothing by default. */
    protected void erased(E entry, EventEnvelope envelope) {
    }

    private void registered(BeneficiaryRegistered event, EventEnvelope envelope) {
        if (event.beneficiaryId() == null || event.structureId() == null) {
            throw new MalformedEventException("BeneficiaryRegistered without beneficiaryId or structureId");
        }
        entries.find(event.beneficiaryId()).ifPresentOrElse(
                known -> registeredAgain(known, event, envelope),
                () -> entries.persist(entryOf(event, envelope)));
    }

    private void erased(BeneficiaryErased event, EventEnvelope envelope) {
        if (event.beneficiaryId() == null) {
            throw new MalformedEventException("BeneficiaryErased without beneficiaryId");
        }
        E entry = entries.find(event.beneficiaryId()).orElseGet(() -> {
            if (event.structureId() == null) {
                throw new MalformedEventException("BeneficiaryErased of an unknown person without structureId");
            }
            return entries.persist(tombstone(event.beneficiaryId(), event.structureId(), envelope));
        });
        entry.erased(event.erasedOn() != null ? event.erasedOn() : BusinessDay.of(envelope.occurredAt()));
        erased(entry, envelope);
    }
}
