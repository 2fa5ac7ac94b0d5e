package fr.capemploi.cep.messaging;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.domain.KnownStructure;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.cep.repository.KnownStructureRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Set;

/**
 * Keeps the local copy of what the beneficiary service announces: which beneficiaries exist and in which structure
 * (so CEP records never point at nobody) and their current referent, and the structures' names for the documents.
 * The counsellors are the platform's {@code CounsellorDirectoryProjection}, fed from the same channel. Other event
 * types of the topic are ignored.
 */
@ApplicationScoped
public class BeneficiaryDirectoryProjection extends TypedProjection {

    private final KnownBeneficiaryRepository beneficiaries;
    private final KnownStructureRepository structures;

    public BeneficiaryDirectoryProjection(KnownBeneficiaryRepository beneficiaries, KnownStructureRepository structures) {
        this.beneficiaries = beneficiaries;
        this.structures = structures;
        on(BeneficiaryRegistered.class, (event, envelope) -> registered(envelope, event));
        on(BeneficiaryErased.class, (event, envelope) -> erased(envelope, event));
        on(StructureRegistered.class, (event, envelope) -> structure(event));
        on(ReferentAssigned.class, (event, envelope) -> referent(event, envelope));
    }

    @Override
    public String name() {
        return "beneficiary-directory";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }


    private void registered(EventEnvelope envelope, BeneficiaryRegistered event) {
        if (event.beneficiaryId() == null || event.structureId() == null) {
            throw new MalformedEventException("BeneficiaryRegistered without beneficiaryId or structureId");
        }
        beneficiaries.findByIdOptional(event.beneficiaryId()).ifPresentOrElse(
                known -> known.registered(event.structureId(), event.referentCounsellorId(), event.entryDate(),
                        envelope.recordedAt()),
                () -> beneficiaries.persist(new KnownBeneficiary(event.beneficiaryId(), event.structureId(),
                        event.referentCounsellorId(), event.entryDate(), envelope.recordedAt())));
    }

    private void erased(EventEnvelope envelope, BeneficiaryErased event) {
        // a tombstone even for a registration never seen (e.g. a projection started after it), so the id stays refused
        KnownBeneficiary known = beneficiaries.findByIdOptional(event.beneficiaryId()).orElseGet(() -> {
            KnownBeneficiary tombstone = new KnownBeneficiary(event.beneficiaryId(), event.structureId(), null, null,
                    envelope.recordedAt());
            beneficiaries.persist(tombstone);
            return tombstone;
        });
        known.erased(event.erasedOn() != null ? event.erasedOn()
                : BusinessDay.of(envelope.occurredAt()), envelope.recordedAt());
    }

    private void structure(StructureRegistered event) {
        if (structures.findByIdOptional(event.structureId()).isEmpty()) {
            structures.persist(new KnownStructure(event.structureId(), event.code(), event.name(), event.region(),
                    event.department()));
        }
    }

    /** The referent a new accompaniment defaults to follows the registry's portfolio. */
    private void referent(ReferentAssigned event, EventEnvelope envelope) {
        if (event.beneficiaryId() == null || event.counsellorId() == null) {
            throw new MalformedEventException("ReferentAssigned without beneficiaryId or counsellorId");
        }
        // keyed like the registration, so it comes after it; a person never registered here is not ours to track
        beneficiaries.findByIdOptional(event.beneficiaryId())
                .ifPresent(known -> known.referentAssigned(event.counsellorId(), envelope.recordedAt()));
    }
}
