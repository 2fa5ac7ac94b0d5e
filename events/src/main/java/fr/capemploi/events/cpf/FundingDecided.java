package fr.capemploi.events.cpf;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A funder answered a funding request, or the request was withdrawn. Amounts are decimal strings in euros;
 * {@code responseDelayDays} is {@code answeredOn - requestedOn} for a funder's answer and absent for a withdrawal.
 * {@code newFinancialEngineering} tells whether, after this decision, the project combines the CPF with another
 * funder (see the cpf-service README for the exact rule).
 */
@EventType(name = "FundingDecided", topic = Topics.CPF, aggregateType = "TrainingProject")
public record FundingDecided(
        UUID fundingRequestId,
        UUID trainingProjectId,
        UUID beneficiaryId,
        UUID structureId,
        Funder funder,
        Decision decision,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal requestedAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedAmount,
        RefusalReason refusalReason,
        LocalDate requestedOn,
        LocalDate answeredOn,
        Integer responseDelayDays,
        boolean newFinancialEngineering) implements TrainingProjectEvent {

    public enum Decision { GRANTED, PARTLY_GRANTED, REFUSED, WITHDRAWN }

    /** Categories only: the funder's own wording stays in the cpf service. */
    public enum RefusalReason {
        NO_BUDGET, INSUFFICIENT_CPF_RIGHTS, NOT_ELIGIBLE, TRAINING_TOO_LONG, COST_TOO_HIGH, PROJECT_QUESTIONED, OTHER
    }
}
