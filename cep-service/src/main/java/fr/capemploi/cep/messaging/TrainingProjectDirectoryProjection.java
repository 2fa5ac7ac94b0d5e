package fr.capemploi.cep.messaging;

import fr.capemploi.cep.domain.KnownTrainingProject;
import fr.capemploi.cep.repository.KnownTrainingProjectRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.platform.consumer.TypedProjection;
import fr.capemploi.platform.directory.BatchOfEntries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Which CPF training projects exist, from {@code cpf.events}: a TRAINING action links one, and the link must point at a
 * project of the caller's structure and of the same person (audit finding: any id was accepted). Every other event
 * type is ignored.
 */
@ApplicationScoped
public class TrainingProjectDirectoryProjection extends TypedProjection {

    /** The projects a batch announces, read at once (only touched on the channel's consumer thread). */
    private final BatchOfEntries<KnownTrainingProject> projects;

    public TrainingProjectDirectoryProjection(KnownTrainingProjectRepository projects) {
        super("training-project-directory", Topics.CPF);
        this.projects = new BatchOfEntries<>(projects, "trainingProjectId", KnownTrainingProject::trainingProjectId);
        on(TrainingProjectCreated.class, this::created);
    }

    @Override
    public void beginBatch() {
        projects.begin();
    }

    @Override
    public void prepare(List<EventEnvelope> events) {
        projects.read(eventsOf(TrainingProjectCreated.class, events).stream()
                .map(TrainingProjectCreated::trainingProjectId).toList());
    }

    private void created(TrainingProjectCreated event, EventEnvelope envelope) {
        if (event.trainingProjectId() == null || event.structureId() == null || event.beneficiaryId() == null) {
            throw new MalformedEventException("TrainingProjectCreated without its project, structure or beneficiary id");
        }
        if (projects.find(event.trainingProjectId()).isEmpty()) {
            projects.persist(new KnownTrainingProject(event.trainingProjectId(), event.structureId(),
                    event.beneficiaryId()));
        }
    }
}
