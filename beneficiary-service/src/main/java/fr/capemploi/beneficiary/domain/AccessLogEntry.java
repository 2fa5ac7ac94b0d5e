package fr.capemploi.beneficiary.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * One read or change of a beneficiary's personal data: who (the token's subject, role and structure), when, what.
 * Append-only (the database refuses updates and deletes) and free of the person's own data.
 */
@Entity
public class AccessLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID beneficiaryId;

    private UUID structureId;

    private String callerName;

    private String callerRole;

    private UUID callerStructureId;

    @Enumerated(EnumType.STRING)
    private AccessAction action;

    private Instant accessedAt;

    /** For a read in another service, which record: {@code service/kind/id}; null for this service's own data. */
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

    public UUID structureId() {
        return structureId;
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
