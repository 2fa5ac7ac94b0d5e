package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An interview of an accompaniment. */
@Entity
public class Interview {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Accompaniment accompaniment;

    private UUID counsellorId;

    private LocalDate heldOn;

    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    private InterviewMode mode;

    private int cepLevel;

    private Instant recordedAt;

    protected Interview() {
    }

    Interview(UUID id, Accompaniment accompaniment, UUID counsellorId, LocalDate heldOn, int durationMinutes,
            InterviewMode mode, int cepLevel, Instant recordedAt) {
        this.id = id;
        this.accompaniment = accompaniment;
        this.counsellorId = counsellorId;
        this.heldOn = heldOn;
        this.durationMinutes = durationMinutes;
        this.mode = mode;
        this.cepLevel = cepLevel;
        this.recordedAt = recordedAt;
    }

    public UUID id() { return id; }
    public UUID counsellorId() { return counsellorId; }
    public LocalDate heldOn() { return heldOn; }
    public int durationMinutes() { return durationMinutes; }
    public InterviewMode mode() { return mode; }
    public int cepLevel() { return cepLevel; }
}
