package fr.capemploi.cep.messaging;

import fr.capemploi.cep.domain.KnownTrainingProject;
import fr.capemploi.cep.repository.KnownTrainingProjectRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which CPF training projects exist, from {@code cpf.events}: a TRAINING action links one, and the link must point at a
 * project of the caller's structure and of the same person (audit finding: any id was accepted). Every other event
 * type is ignored.
 */
@ApplicationScoped
public class TrainingProjectDirectoryProjection extends TypedProjection {

    private final KnownTrainingProjectRepository projects;

    public TrainingProjectDirectoryProjection(KnownTrainingProjectRepository projects) {
        super("training-project-directory", Topics.CPF);
        this.projects = projects;
        on(TrainingProjectCreated.class, this::created);
    }

    private void created(TrainingProjectCreated event, EventEnvelope envelope) {
        if (event.trainingProjectId() == null || event.structureId() == null || event.beneficiaryId() == null) {
            throw new MalformedEventException("TrainingProjectCreated without its project, structure or beneficiary id");
        }
        if (projects.findByIdOptional(event.trainingProjectId()).isEmpty()) {
            projects.persist(new KnownTrainingProject(event.trainingProjectId(), event.structureId(),
                    event.beneficiaryId()));
        }
    }
}
