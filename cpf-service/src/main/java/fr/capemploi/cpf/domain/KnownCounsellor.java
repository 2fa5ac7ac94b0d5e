package fr.capemploi.cpf.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A counsellor announced by the beneficiary service, and the structure it works in. */
@Entity
@Table(name = "known_counsellor")
public class KnownCounsellor {

    @Id
    @Column(name = "counsellor_id")
    private UUID counsellorId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    protected KnownCounsellor() {
    }

    public KnownCounsellor(UUID counsellorId, UUID structureId) {
        this.counsellorId = counsellorId;
        this.structureId = structureId;
    }

    public UUID counsellorId() { return counsellorId; }
    public UUID structureId() { return structureId; }
}
