package fr.capemploi.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A structure known to reporting: counted from its registration day, and "as of" from when it was recorded. */
@Entity
@Table(name = "registered_structure")
public class RegisteredStructure {

    @Id
    @Column(name = "structure_id")
    private UUID structureId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String region;

    @Column(nullable = false)
    private String department;

    @Column(name = "registered_on", nullable = false)
    private LocalDate registeredOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected RegisteredStructure() {
    }

    public RegisteredStructure(UUID structureId, String code, String region, String department, LocalDate registeredOn,
            Instant recordedAt) {
        this.structureId = structureId;
        this.code = code;
        this.region = region;
        this.department = department;
        this.registeredOn = registeredOn;
        this.recordedAt = recordedAt;
    }
}
