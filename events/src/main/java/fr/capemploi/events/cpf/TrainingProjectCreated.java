package fr.capemploi.events.cpf;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A training project was drawn up for a beneficiary. Its title and training body are free text and stay in the
 * cpf service; the event carries the categorical facts, hours, cost (decimal string, euros) and dates.
 */
@EventType(name = "TrainingProjectCreated", topic = Topics.CPF, aggregateType = "TrainingProject")
public record TrainingProjectCreated(
        UUID trainingProjectId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        UUID accompanimentId,
        CertificationKind certificationKind,
        String certificationCode,
        boolean cpfEligible,
        EligibilityList eligibilityList,
        String eligibilityRegion,
        int hours,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate createdOn) implements TrainingProjectEvent {

    public enum CertificationKind { RNCP, RS, CLEA, VAE, SKILLS_ASSESSMENT, DRIVING_LICENCE, OTHER }

    /**
     * Where the training's CPF eligibility comes from: the lists of 2015-2018 (national COPANEF, regional COPAREF,
     * branch CPNEF), registration in the RNCP or the RS since 2019, or none.
     */
    public enum EligibilityList { COPANEF, COPAREF, BRANCH, RNCP_RS, NONE }
}
