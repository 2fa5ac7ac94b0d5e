package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An item was added to the action plan of an accompaniment ("prescribed" on {@code plannedOn}). Only the attributes
 * of its kind are set: the purpose (and the PMSMP it renews) for a PMSMP, the contract for an alternance, the CPF
 * training project for a training.
 */
@EventType(name = "ActionPlanned", topic = Topics.CEP, aggregateType = "Accompaniment")
public record ActionPlanned(
        UUID actionId,
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        ActionKind kind,
        LocalDate plannedOn,
        LocalDate startDate,
        LocalDate endDate,
        PmsmpPurpose pmsmpPurpose,
        UUID renewalOfActionId,
        AlternanceContract alternanceContract,
        UUID cpfTrainingProjectId) implements AccompanimentEvent {

    public enum ActionKind {
        PMSMP, ALTERNANCE, TRAINING, VAE, PARTIAL_CERTIFICATION, SKILLS_ASSESSMENT, PRESTATION, OTHER
    }

    /** The three purposes of a période de mise en situation en milieu professionnel. */
    public enum PmsmpPurpose { DISCOVER_JOB, CONFIRM_PROJECT, START_RECRUITMENT }

    public enum AlternanceContract { APPRENTICESHIP, PROFESSIONALISATION }
}
