package fr.capemploi.beneficiary.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A counsellor of a structure's directory, active from a date until an optional last day (inclusive). */
@Entity
public class Counsellor {

    @Id
    private UUID id;

    private UUID structureId;

    private String displayName;

    private String displayNameKey;

    private LocalDate activeFrom;

    private LocalDate activeUntil;

    @Version
    private long version;

    private Instant recordedAt;

    protected Counsellor() {
    }

    public Counsellor(UUID id, UUID structureId, String displayName, LocalDate activeFrom, Instant recordedAt) {
        this.id = id;
        this.structureId = structureId;
        rename(displayName);
        this.activeFrom = activeFrom;
        this.recordedAt = recordedAt;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
        this.displayNameKey = SearchKey.of(displayName);
    }

    /** Sets or clears the last active day; the caller checks it is not before {@link #activeFrom()}. */
    public void endActivityOn(LocalDate lastDay) {
        this.activeUntil = lastDay;
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(activeFrom) && (activeUntil == null || !day.isAfter(activeUntil));
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public String displayName() {
        return displayName;
    }

    public LocalDate activeFrom() {
        return activeFrom;
    }

    public LocalDate activeUntil() {
        return activeUntil;
    }

    public long version() {
        return version;
    }
}
