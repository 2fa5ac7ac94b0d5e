package fr.capemploi.cpf.messaging;

import fr.capemploi.cpf.domain.KnownBeneficiary;
import fr.capemploi.cpf.domain.TrainingProject;
import fr.capemploi.cpf.repository.KnownBeneficiaryRepository;
import fr.capemploi.cpf.repository.TrainingProjectRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Keeps the beneficiaries this service may record CPF steps for, and the structure each belongs to, from the
 * registry's events. Other event types of the topic (today's and tomorrow's) are ignored.
 */
@ApplicationScoped
public class BeneficiaryProjection extends TypedProjection {

    private final KnownBeneficiaryRepository beneficiaries;
    private final TrainingProjectRepository projects;

    public BeneficiaryProjection(KnownBeneficiaryRepository beneficiaries, TrainingProjectRepository projects) {
        this.beneficiaries = beneficiaries;
        this.projects = projects;
        on(BeneficiaryRegistered.class, this::registered);
        on(BeneficiaryErased.class, (event, envelope) -> erased(event));
    }

    @Override
    public String name() {
        return "beneficiaries";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }


    private void registered(BeneficiaryRegistered event, EventEnvelope envelope) {
        if (event.beneficiaryId() == null || event.structureId() == null) {
            throw new MalformedEventException("BeneficiaryRegistered without beneficiary or structure");
        }
        beneficiaries.findByIdOptional(event.beneficiaryId()).ifPresentOrElse(
                known -> known.update(event.structureId(), event.entryDate(), event.statusAtEntry(), event.boe(),
                        event.qualificationLevel(), envelope.recordedAt()),
                () -> beneficiaries.persist(new KnownBeneficiary(event.beneficiaryId(), event.structureId(),
                        event.entryDate(), event.statusAtEntry(), event.boe(), event.qualificationLevel(),
                        envelope.recordedAt())));
    }

    /** The pseudonymous id stays so that history keeps counting; free text typed about the person goes. */
    private void erased(BeneficiaryErased event) {
        beneficiaries.findByIdOptional(event.beneficiaryId()).ifPresent(known -> known.erase(event.erasedOn()));
        projects.ofBeneficiary(event.beneficiaryId()).forEach(TrainingProject::eraseFreeText);
    }
}
