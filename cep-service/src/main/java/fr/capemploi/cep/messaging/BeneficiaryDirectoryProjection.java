package fr.capemploi.cep.messaging;

import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.platform.directory.BeneficiaryEntryProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the local copy of what the beneficiary service announces: which beneficiaries exist and in which structure
 * (so CEP records never point at nobody, registrations and erasures applied as the platform's
 * {@link BeneficiaryEntryProjection} applies them) and their current referent. The counsellors are the platform's
 * {@code CounsellorDirectoryProjection}, fed from the same channel. Structures are not kept: a document names its
 * structure as the registry does at the time of the request ({@code RegistryReader}). Other event types of the topic
 * are ignored.
 */
@ApplicationScoped
public class BeneficiaryDirectoryProjection extends BeneficiaryEntryProjection<KnownBeneficiary> {

    public BeneficiaryDirectoryProjection(KnownBeneficiaryRepository beneficiaries) {
        super("beneficiary-directory", beneficiaries);
        on(ReferentAssigned.class, this::referent);
    }

    @Override
    protected KnownBeneficiary entryOf(BeneficiaryRegistered event, EventEnvelope envelope) {
        return new KnownBeneficiary(event.beneficiaryId(), event.structureId(), event.referentCounsellorId(),
                event.entryDate(), envelope.recordedAt());
    }

    @Override
    protected void registeredAgain(KnownBeneficiary known, BeneficiaryRegistered event, EventEnvelope envelope) {
        known.registered(event.structureId(), event.referentCounsellorId(), event.entryDate(), envelope.recordedAt());
    }

    @Override
    protected KnownBeneficiary tombstone(UUID beneficiaryId, UUID structureId, EventEnvelope envelope) {
        return new KnownBeneficiary(beneficiaryId, structureId, null, null, envelope.recordedAt());
    }

    @Override
    protected void erased(KnownBeneficiary entry, EventEnvelope envelope) {
        entry.changedAt(envelope.recordedAt());
    }

    /** The referent a new accompaniment defaults to follows the registry's portfolio. */
    private void referent(ReferentAssigned event, EventEnvelope envelope) {
        if (event.beneficiaryId() == null || event.counsellorId() == null) {
            throw new MalformedEventException("ReferentAssigned without beneficiaryId or counsellorId");
        }
        // keyed like the registration, so it comes after it; a person never registered here is not ours to track
        entry(event.beneficiaryId())
                .ifPresent(known -> known.referentAssigned(event.counsellorId(), envelope.recordedAt()));
    }

    @Override
    protected Collection<UUID> alsoAbout(List<EventEnvelope> events) {
        return eventsOf(ReferentAssigned.class, events).stream().map(ReferentAssigned::beneficiaryId).toList();
    }
}
