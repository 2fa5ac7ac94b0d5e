package fr.capemploi.cep.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A counsellor announced by the beneficiary service, if it announces them: documents then show a display name. */
@Entity
@Table(name = "known_counsellor")
public class KnownCounsellor {

    @Id
    @Column(name = "counsellor_id")
    private UUID counsellorId;

    @Column(name = "structure_id")
    private UUID structureId;

    @Column(name = "display_name")
    private String displayName;

    protected KnownCounsellor() {
    }

    public KnownCounsellor(UUID counsellorId, UUID structureId, String displayName) {
        this.counsellorId = counsellorId;
        this.structureId = structureId;
        this.displayName = displayName;
    }

    public void update(UUID structureId, String displayName) {
        this.structureId = structureId;
        this.displayName = displayName;
    }

    public UUID counsellorId() { return counsellorId; }
    public UUID structureId() { return structureId; }
    public String displayName() { return displayName; }
}
