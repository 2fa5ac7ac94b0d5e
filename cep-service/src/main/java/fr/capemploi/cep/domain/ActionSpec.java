package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import java.time.LocalDate;
import java.util.UUID;

/** An action-plan item as the counsellor asks for it, before the plan's rules accepted it. */
public record ActionSpec(
        ActionKind kind,
        String label,
        LocalDate plannedOn,
        LocalDate startDate,
        LocalDate endDate,
        PmsmpPurpose pmsmpPurpose,
        String hostName,
        String hostSiret,
        UUID renewalOf,
        AlternanceContract alternanceContract,
        UUID cpfTrainingProjectId,
        UUID counsellorId) {
}
