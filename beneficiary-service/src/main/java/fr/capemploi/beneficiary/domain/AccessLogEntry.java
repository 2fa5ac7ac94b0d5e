package fr.capemploi.beneficiary.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One read or change of a beneficiary's personal data: who (the token's subject, role and structure), when, what.
 * Append-only (the database refuses updates and deletes) and free of the person's own data.
 */
@Entity
@Table(name = "access_log_entry")
public class AccessLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(name = "caller_name", nullable = false)
    private String callerName;

    @Column(name = "caller_role", nullable = false)
    private String callerRole;

    @Column(name = "caller_structure_id")
    private UUID callerStructureId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccessAction action;

    @Column(name = "accessed_at", nullable = false)
    private Instant accessedAt;

    /** For a read in another service, which record: {@code service/kind/id}; null for this service's own data. */
    @Column(name = "record")
    private String record;

    protected AccessLogEntry() {
    }

    public AccessLogEntry(UUID beneficiaryId, UUID structureId, String callerName, String callerRole,
            UUID callerStructureId, AccessAction action, Instant accessedAt) {
        this.beneficiaryId = beneficiaryId;
        this.structureId = structureId;
        this.callerName = callerName;
        this.callerRole = callerRole;
        this.callerStructureId = callerStructureId;
        this.action = action;
        this.accessedAt = accessedAt;
    }

    public AccessLogEntry(UUID beneficiaryId, UUID structureId, String callerName, String callerRole,
            UUID callerStructureId, AccessAction action, Instant accessedAt, String record) {
        this(beneficiaryId, structureId, callerName, callerRole, callerStructureId, action, accessedAt);
        this.record = record;
    }

    public Long id() {
        return id;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public String callerName() {
        return callerName;
    }

    public String callerRole() {
        return callerRole;
    }

    public UUID callerStructureId() {
        return callerStructureId;
    }

    public AccessAction action() {
        return action;
    }

    public Instant accessedAt() {
        return accessedAt;
    }

    public String record() {
        return record;
    }
}
