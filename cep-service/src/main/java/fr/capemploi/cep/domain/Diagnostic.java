package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The entry diagnostic: the work axis decided with the person and the barriers found. */
@Entity
public class Diagnostic {

    @Id
    private UUID id;

    private UUID structureId;

    private UUID beneficiaryId;

    private UUID counsellorId;

    private LocalDate diagnosedOn;

    @Enumerated(EnumType.STRING)
    private WorkAxis workAxis;

    @Convert(converter = BarrierListConverter.class)
    private List<Barrier> barriers;

    private Instant recordedAt;

    private String recordedBy;

    protected Diagnostic() {
    }

    public Diagnostic(UUID id, UUID structureId, UUID beneficiaryId, UUID counsellorId, LocalDate diagnosedOn,
            WorkAxis workAxis, List<Barrier> barriers, Instant recordedAt, String recordedBy) {
        this.id = id;
        this.structureId = structureId;
        this.beneficiaryId = beneficiaryId;
        this.counsellorId = counsellorId;
        this.diagnosedOn = diagnosedOn;
        this.workAxis = workAxis;
        this.barriers = List.copyOf(barriers);
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public ServiceCorrespondence correspondence() {
        return ServiceCorrespondence.of(workAxis);
    }

    public UUID id() { return id; }
    public UUID structureId() { return structureId; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public UUID counsellorId() { return counsellorId; }
    public LocalDate diagnosedOn() { return diagnosedOn; }
    public WorkAxis workAxis() { return workAxis; }
    public List<Barrier> barriers() { return barriers; }
}
