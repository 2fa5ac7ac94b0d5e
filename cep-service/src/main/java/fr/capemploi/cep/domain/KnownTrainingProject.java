package fr.capemploi.cep.domain;

import fr.capemploi.platform.directory.DirectoryEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A CPF training project announced by the cpf service: which person and structure it belongs to, nothing more. */
@Entity
@Table(name = "known_training_project")
public class KnownTrainingProject implements DirectoryEntry {

    @Id
    @Column(name = "training_project_id")
    private UUID trainingProjectId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    protected KnownTrainingProject() {
    }

    public KnownTrainingProject(UUID trainingProjectId, UUID structureId, UUID beneficiaryId) {
        this.trainingProjectId = trainingProjectId;
        this.structureId = structureId;
        this.beneficiaryId = beneficiaryId;
    }

    public UUID trainingProjectId() { return trainingProjectId; }
    @Override
    public UUID structureId() { return structureId; }
    public UUID beneficiaryId() { return beneficiaryId; }
}
