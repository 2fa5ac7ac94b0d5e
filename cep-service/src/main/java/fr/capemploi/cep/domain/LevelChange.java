package fr.capemploi.cep.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A move between CEP levels 2 and 3 within one accompaniment. */
@Entity
public class LevelChange {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Accompaniment accompaniment;

    private int fromLevel;

    private int toLevel;

    private LocalDate changedOn;

    private Instant recordedAt;

    protected LevelChange() {
    }

    LevelChange(UUID id, Accompaniment accompaniment, int fromLevel, int toLevel, LocalDate changedOn,
            Instant recordedAt) {
        this.id = id;
        this.accompaniment = accompaniment;
        this.fromLevel = fromLevel;
        this.toLevel = toLevel;
        this.changedOn = changedOn;
        this.recordedAt = recordedAt;
    }

    public UUID id() { return id; }
    public int fromLevel() { return fromLevel; }
    public int toLevel() { return toLevel; }
    public LocalDate changedOn() { return changedOn; }
}
