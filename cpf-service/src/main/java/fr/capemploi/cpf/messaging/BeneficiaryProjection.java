package fr.capemploi.cpf.messaging;

import fr.capemploi.cpf.domain.KnownBeneficiary;
import fr.capemploi.cpf.domain.TrainingProject;
import fr.capemploi.cpf.repository.KnownBeneficiaryRepository;
import fr.capemploi.cpf.repository.TrainingProjectRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.platform.directory.BeneficiaryEntryProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps the beneficiaries this service may record CPF steps for, the structure each belongs to and the categorical
 * facts the CPF rules care about, from the registry's events (registrations and erasures applied as the platform's
 * {@link BeneficiaryEntryProjection} applies them). Other event types of the topic (today's and tomorrow's) are
 * ignored.
 */
@ApplicationScoped
public class BeneficiaryProjection extends BeneficiaryEntryProjection<KnownBeneficiary> {

    private final TrainingProjectRepository projects;

    public BeneficiaryProjection(KnownBeneficiaryRepository beneficiaries, TrainingProjectRepository projects) {
        super("beneficiaries", beneficiaries);
        this.projects = projects;
    }

    @Override
    protected KnownBeneficiary entryOf(BeneficiaryRegistered event, EventEnvelope envelope) {
        return new KnownBeneficiary(event.beneficiaryId(), event.structureId(), event.entryDate(),
                event.statusAtEntry(), event.boe(), event.qualificationLevel(), envelope.recordedAt());
    }

    @Override
    protected void registeredAgain(KnownBeneficiary known, BeneficiaryRegistered event, EventEnvelope envelope) {
        known.update(event.structureId(), event.entryDate(), event.statusAtEntry(), event.boe(),
                event.qualificationLevel(), envelope.recordedAt());
    }

    @Override
    protected KnownBeneficiary tombstone(UUID beneficiaryId, UUID structureId, EventEnvelope envelope) {
        return new KnownBeneficiary(beneficiaryId, structureId, null, null, false, null, envelope.recordedAt());
    }

    /** The pseudonymous id stays so that history keeps counting; free text typed about the person goes. */
    @Override
    protected void erased(KnownBeneficiary entry, EventEnvelope envelope) {
        projects.ofBeneficiary(entry.beneficiaryId()).forEach(TrainingProject::eraseFreeText);
    }
}
