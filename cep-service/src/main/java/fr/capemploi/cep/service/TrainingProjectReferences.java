package fr.capemploi.cep.service;

import fr.capemploi.cep.repository.KnownTrainingProjectRepository;
import fr.capemploi.platform.directory.DirectoryReferences;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * CPF training projects announced on {@code cpf.events}: an action may link one only of the caller's structure and of
 * the person the action plan is about, waited for like any directory reference (404 {@code unknown-reference}).
 */
@ApplicationScoped
public class TrainingProjectReferences {

    private final KnownTrainingProjectRepository projects;
    private final DirectoryReferences references;

    public TrainingProjectReferences(KnownTrainingProjectRepository projects, DirectoryReferences references) {
        this.projects = projects;
        this.references = references;
    }

    /** Call outside any transaction: it may wait. */
    public void require(UUID projectId, UUID structureId, UUID beneficiaryId, String field) {
        references.require(field, "CPF training project", projectId, structureId, projects::findByIdOptional,
                project -> project.beneficiaryId().equals(beneficiaryId));
    }
}
