package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An interview of an accompaniment. */
@Entity
@Table(name = "interview")
public class Interview {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "accompaniment_id")
    private Accompaniment accompaniment;

    @Column(name = "counsellor_id", nullable = false)
    private UUID counsellorId;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InterviewMode mode;

    @Column(name = "cep_level", nullable = false)
    private int cepLevel;

    @Column(name = "recorded_at", nullable = false)
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
