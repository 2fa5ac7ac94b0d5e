package fr.capemploi.beneficiary.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A Cap emploi structure of the directory; every record of the platform belongs to one. */
@Entity
public class Structure {

    @Id
    private UUID id;

    private String code;

    private String name;

    private String region;

    private String department;

    private LocalDate registeredOn;

    private Instant recordedAt;

    protected Structure() {
    }

    public Structure(UUID id, String code, String name, Region region, String department, LocalDate registeredOn,
            Instant recordedAt) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.region = region.inseeCode();
        this.department = department;
        this.registeredOn = registeredOn;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Region region() {
        return Region.ofInseeCode(region).orElseThrow();
    }

    public String department() {
        return department;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }
}
