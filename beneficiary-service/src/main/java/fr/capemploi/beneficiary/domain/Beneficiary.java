package fr.capemploi.beneficiary.domain;

import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A person accompanied by a structure. Identity, contact, NIR and BOE ground are personal data that never leave
 * this service; the categorical attributes ({@link IndicatorAttributes}) are what the rest of the platform sees.
 * Erasure wipes the first and keeps the second, so the pseudonymous history still counts.
 */
@Entity
@Table(name = "beneficiary")
public class Beneficiary {

    @Id
    private UUID id;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BeneficiaryState state;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "first_name")
    private String firstName;

    /** Normalised "last first", what name searches compare. */
    @Column(name = "search_key")
    private String searchKey;

    @Column(name = "last_name_key")
    private String lastNameKey;

    @Column(name = "first_name_key")
    private String firstNameKey;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "birth_year", nullable = false)
    private int birthYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex;

    @Column(name = "nir_ciphertext")
    private byte[] nirCiphertext;

    @Column(name = "nir_hash")
    private String nirHash;

    @Column(name = "france_travail_id")
    private String franceTravailId;

    private String email;

    private String phone;

    private String street;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_at_entry", nullable = false)
    private StatusAtEntry statusAtEntry;

    @Column(nullable = false)
    private boolean boe;

    @Enumerated(EnumType.STRING)
    @Column(name = "boe_type")
    private BoeType boeType;

    @Column(name = "boe_valid_from")
    private LocalDate boeValidFrom;

    @Column(name = "boe_valid_until")
    private LocalDate boeValidUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "qualification_level")
    private QualificationLevel qualificationLevel;

    @Column(name = "inactivity_months")
    private Integer inactivityMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "orientation_source", nullable = false)
    private OrientationSource orientationSource;

    @Column(name = "entry_date", nullable = false)
    private LocalDate entryDate;

    @Column(name = "referent_counsellor_id")
    private UUID referentCounsellorId;

    @Column(name = "exit_date")
    private LocalDate exitDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "exit_reason")
    private ExitReason exitReason;

    @Column(name = "erased_on")
    private LocalDate erasedOn;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Beneficiary() {
    }

    public Beneficiary(UUID id, UUID structureId, BeneficiaryProfile profile, SealedNir nir, UUID referentCounsellorId,
            Instant now) {
        this.id = id;
        this.structureId = structureId;
        this.state = BeneficiaryState.ACTIVE;
        this.referentCounsellorId = referentCounsellorId;
        this.createdAt = now;
        apply(profile, nir, now);
    }

    /**
     * Replaces the profile; the NIR is sealed by the caller, who holds the keys. An exited person's entry stays on or
     * before the exit.
     */
    public void apply(BeneficiaryProfile profile, SealedNir nir, Instant now) {
        if (exitDate != null && profile.entryDate().isAfter(exitDate)) {
            throw new RuleViolation("entryDate", "must not be after the exit date " + exitDate);
        }
        this.lastName = profile.lastName();
        this.firstName = profile.firstName();
        this.lastNameKey = SearchKey.of(profile.lastName());
        this.firstNameKey = SearchKey.of(profile.firstName());
        this.searchKey = (lastNameKey + " " + firstNameKey).trim();
        this.birthDate = profile.birthDate();
        this.birthYear = profile.birthDate().getYear();
        this.sex = profile.sex();
        this.nirCiphertext = nir == null ? null : nir.ciphertext();
        this.nirHash = nir == null ? null : nir.searchHash();
        this.franceTravailId = profile.franceTravailId();
        Contact contact = profile.contact();
        this.email = contact.email();
        this.phone = contact.phone();
        this.street = contact.street();
        this.postalCode = contact.postalCode();
        this.city = contact.city();
        this.statusAtEntry = profile.statusAtEntry();
        BoeRecognition recognition = profile.boeRecognition();
        this.boe = recognition != null;
        this.boeType = recognition == null ? null : recognition.type();
        this.boeValidFrom = recognition == null ? null : recognition.validFrom();
        this.boeValidUntil = recognition == null ? null : recognition.validUntil();
        this.qualificationLevel = profile.qualificationLevel();
        this.inactivityMonths = profile.inactivityMonths();
        this.orientationSource = profile.orientationSource();
        this.entryDate = profile.entryDate();
        this.updatedAt = now;
    }

    /**
     * Makes the counsellor the referent from {@code on} (DOMAIN.md: the referent from that day on); false when it
     * already was. An exited person is in no portfolio; nobody is anyone's referent before entering. Whether the
     * counsellor is active that day is the directory's to say, before this is called.
     */
    public boolean assignReferent(UUID counsellorId, LocalDate on, Instant now) {
        if (exited()) {
            throw new ConflictException("Beneficiary " + id + " exited on " + exitDate
                    + ": an exited person is in no portfolio");
        }
        requireNotBeforeEntry("assignedOn", on);
        if (counsellorId.equals(referentCounsellorId)) {
            return false;
        }
        this.referentCounsellorId = counsellorId;
        this.updatedAt = now;
        return true;
    }

    /** The person leaves on {@code date}, once, and not before entering. */
    public void exit(LocalDate date, ExitReason reason, Instant now) {
        if (exited()) {
            throw new ConflictException("Beneficiary " + id + " already exited on " + exitDate);
        }
        requireNotBeforeEntry("exitDate", date);
        this.state = BeneficiaryState.EXITED;
        this.exitDate = date;
        this.exitReason = reason;
        this.updatedAt = now;
    }

    /**
     * Right to be forgotten: wipes every personal field and keeps what events already published (ids, dates,
     * birth year, sex, categorical attributes, BOE yes/no), so the pseudonymous history still adds up.
     */
    public void erase(LocalDate on, Instant now) {
        this.lastName = null;
        this.firstName = null;
        this.searchKey = null;
        this.lastNameKey = null;
        this.firstNameKey = null;
        this.birthDate = null;
        this.nirCiphertext = null;
        this.nirHash = null;
        this.franceTravailId = null;
        this.email = null;
        this.phone = null;
        this.street = null;
        this.postalCode = null;
        this.city = null;
        this.boeType = null;
        this.boeValidFrom = null;
        this.boeValidUntil = null;
        this.state = BeneficiaryState.ERASED;
        this.erasedOn = on;
        this.updatedAt = now;
    }

    private void requireNotBeforeEntry(String attribute, LocalDate date) {
        if (date.isBefore(entryDate)) {
            throw new RuleViolation(attribute, "must not be before the entry date " + entryDate);
        }
    }

    public boolean erased() {
        return state == BeneficiaryState.ERASED;
    }

    public boolean exited() {
        return exitDate != null;
    }

    public IndicatorAttributes indicatorAttributes() {
        return new IndicatorAttributes(entryDate, birthYear, sex, statusAtEntry, boe, qualificationLevel,
                inactivityMonths, orientationSource);
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public BeneficiaryState state() {
        return state;
    }

    public String lastName() {
        return lastName;
    }

    public String firstName() {
        return firstName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public int birthYear() {
        return birthYear;
    }

    public Sex sex() {
        return sex;
    }

    public Optional<byte[]> nirCiphertext() {
        return Optional.ofNullable(nirCiphertext);
    }

    public String franceTravailId() {
        return franceTravailId;
    }

    public Contact contact() {
        return new Contact(email, phone, street, postalCode, city);
    }

    public StatusAtEntry statusAtEntry() {
        return statusAtEntry;
    }

    public boolean boe() {
        return boe;
    }

    public BoeRecognition boeRecognition() {
        return boeType == null ? null : new BoeRecognition(boeType, boeValidFrom, boeValidUntil);
    }

    public QualificationLevel qualificationLevel() {
        return qualificationLevel;
    }

    public Integer inactivityMonths() {
        return inactivityMonths;
    }

    public OrientationSource orientationSource() {
        return orientationSource;
    }

    public LocalDate entryDate() {
        return entryDate;
    }

    public UUID referentCounsellorId() {
        return referentCounsellorId;
    }

    public LocalDate exitDate() {
        return exitDate;
    }

    public ExitReason exitReason() {
        return exitReason;
    }

    public LocalDate erasedOn() {
        return erasedOn;
    }

    public long version() {
        return version;
    }
}
