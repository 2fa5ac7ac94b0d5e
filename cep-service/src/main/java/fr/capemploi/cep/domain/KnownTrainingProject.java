package fr.capemploi.cep.domain;

import fr.capemploi.platform.directory.DirectoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A CPF training project announced by the cpf service: which person and structure it belongs to, nothing more. */
@Entity
public class KnownTrainingProject implements DirectoryEntry {

    @Id
    private UUID trainingProjectId;

    private UUID structureId;

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
