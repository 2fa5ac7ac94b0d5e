package fr.capemploi.cep.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A Cap emploi structure of the directory, as announced on {@code beneficiary.events}: its name goes on documents. */
@Entity
public class KnownStructure {

    @Id
    private UUID structureId;

    private String code;

    private String name;

    private String region;

    private String department;

    protected KnownStructure() {
    }

    public KnownStructure(UUID structureId, String code, String name, String region, String department) {
        this.structureId = structureId;
        this.code = code;
        this.name = name;
        this.region = region;
        this.department = department;
    }

    public UUID structureId() { return structureId; }
    public String code() { return code; }
    public String name() { return name; }
    public String region() { return region; }
    public String department() { return department; }
}
