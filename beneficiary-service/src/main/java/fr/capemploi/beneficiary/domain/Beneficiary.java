package fr.capemploi.beneficiary.domain;

import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ConflictException;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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
public class Beneficiary {

    @Id
    private UUID id;

    private UUID structureId;

    @Enumerated(EnumType.STRING)
    private BeneficiaryState state;

    private String lastName;

    private String firstName;

    /** Normalised "last first", what name searches compare. */
    private String searchKey;

    private String lastNameKey;

    private String firstNameKey;

    private LocalDate birthDate;

    private int birthYear;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    private byte[] nirCiphertext;

    private String nirHash;

    private String franceTravailId;

    @Embedded
    private Contact contact;

    @Enumerated(EnumType.STRING)
    private StatusAtEntry statusAtEntry;

    /** Kept after erasure, which wipes the recognition's ground and validity. */
    private boolean boe;

    @Embedded
    private BoeRecognition boeRecognition;

    @Enumerated(EnumType.STRING)
    private QualificationLevel qualificationLevel;

    private Integer inactivityMonths;

    @Enumerated(EnumType.STRING)
    private OrientationSource orientationSource;

    private LocalDate entryDate;

    private UUID referentCounsellorId;

    private LocalDate exitDate;

    @Enumerated(EnumType.STRING)
    private ExitReason exitReason;

    private LocalDate erasedOn;

    @Version
    private long version;

    private Instant createdAt;

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
        this.contact = profile.contact();
        this.statusAtEntry = profile.statusAtEntry();
        this.boeRecognition = profile.boeRecognition();
        this.boe = boeRecognition != null;
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
        this.contact = null;
        this.boeRecognition = null;
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
        // Hibernate reads an embedded value whose columns are all null as null
        return contact == null ? Contact.NONE : contact;
    }

    public StatusAtEntry statusAtEntry() {
        return statusAtEntry;
    }

    public boolean boe() {
        return boe;
    }

    public BoeRecognition boeRecognition() {
        return boeRecognition;
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
