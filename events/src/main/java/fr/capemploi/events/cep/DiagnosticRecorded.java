package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The entry diagnostic was made with the person: the work axis decided together, the barriers found, and the Cap
 * emploi service and CEP level this axis corresponds to ({@code cep} false when the service is not CEP).
 */
@EventType(name = "DiagnosticRecorded", topic = Topics.CEP, aggregateType = "Diagnostic")
public record DiagnosticRecorded(
        UUID diagnosticId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate diagnosedOn,
        WorkAxis workAxis,
        List<Barrier> barriers,
        CapEmploiService capEmploiService,
        boolean cep,
        Integer cepLevel) implements PersonEvent {

    @Override
    public UUID aggregateId() {
        return diagnosticId;
    }

    /** The axe de travail decided with the person after the entry diagnostic. */
    public enum WorkAxis { DISABILITY_BARRIERS, PROJECT_ELABORATION, TRAINING_PROJECT, JOB_SEARCH, JOB_RETENTION }

    /** Categories of barriers only: never the disability itself. */
    public enum Barrier { HEALTH, MOBILITY, QUALIFICATION, INACTIVITY_LENGTH, DIGITAL, LANGUAGE, SOCIAL }

    /** The services of the Cap emploi offer a work axis leads to. */
    public enum CapEmploiService {
        DISABILITY_BARRIERS_REMOVAL, PROJECT_ELABORATION_AND_VALIDATION, TRAINING_PROJECT, JOB_SEARCH_SUPPORT,
        JOB_RETENTION
    }
}
