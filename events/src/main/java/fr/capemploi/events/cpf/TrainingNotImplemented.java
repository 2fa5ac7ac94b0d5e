package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A training project was abandoned before it started, with the reasons of the CNEFOP survey (indicator 8). */
@EventType(name = "TrainingNotImplemented", topic = Topics.CPF, aggregateType = "TrainingProject")
public record TrainingNotImplemented(
        UUID trainingProjectId,
        UUID beneficiaryId,
        UUID structureId,
        LocalDate decidedOn,
        List<Reason> reasons) implements TrainingProjectEvent {

    public TrainingNotImplemented {
        reasons = List.copyOf(reasons);
    }

    public enum Reason {
        NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS,
        TRAINING_LONGER_THAN_ONE_YEAR,
        NOT_CPF_ELIGIBLE_NO_INDIVIDUAL_FUNDING,
        SLOW_CO_FUNDING_ANSWERS,
        COST_TOO_HIGH,
        FUNDER_QUESTIONED_PROJECT,
        OTHER
    }
}
