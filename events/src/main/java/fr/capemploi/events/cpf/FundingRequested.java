package fr.capemploi.events.cpf;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A line of a training project's funding plan was sent to a funder (amount as a decimal string, euros). */
@EventType(name = "FundingRequested", topic = Topics.CPF, aggregateType = "TrainingProject")
public record FundingRequested(
        UUID fundingRequestId,
        UUID trainingProjectId,
        UUID beneficiaryId,
        UUID structureId,
        Funder funder,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        Integer cpfHours,
        LocalDate requestedOn) implements TrainingProjectEvent {

    public enum Funder {
        CPF, AIF_POLE_EMPLOI, AGEFIPH, FIPHFP, REGION, OPCA, OPACIF, EMPLOYER, PERSONAL, OTHER
    }
}
