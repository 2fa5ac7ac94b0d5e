package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingDecided.RefusalReason;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingNotImplemented.Reason;
import fr.capemploi.events.cpf.TrainingProjectCreated.CertificationKind;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ConflictException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A training a beneficiary intends to follow, its funding plan and its outcome. The plan's lines are part of the
 * project: they are only changed through it, so the checks that span lines (one standing line per funder, no
 * change once the project ended) hold.
 */
@Entity
@NamedQuery(name = TrainingProject.BENEFICIARY_OF,
        query = "select p.beneficiaryId from TrainingProject p where p.id = :id and p.structureId = :structure")
@NamedQuery(name = TrainingProject.OF_BENEFICIARY, query = "from TrainingProject where beneficiaryId = ?1")
public class TrainingProject {

    public static final String BENEFICIARY_OF = "TrainingProject.beneficiaryOf";
    public static final String OF_BENEFICIARY = "TrainingProject.ofBeneficiary";

    @Id
    private UUID id;

    private UUID beneficiaryId;

    private UUID structureId;

    private UUID accompanimentId;

    private UUID counsellorId;

    private String title;

    @Enumerated(EnumType.STRING)
    private CertificationKind certificationKind;

    private String certificationCode;

    @Enumerated(EnumType.STRING)
    private EligibilityList eligibilityList;

    private String eligibilityRegion;

    private String trainingBodyName;

    private String trainingBodySiret;

    private LocalDate startDate;

    private LocalDate endDate;

    private int hours;

    private BigDecimal cost;

    @Enumerated(EnumType.STRING)
    private TrainingStatus status;

    private LocalDate startedOn;

    private LocalDate completedOn;

    private Boolean certificationObtained;

    private LocalDate notImplementedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "training_not_implemented_reason", joinColumns = @JoinColumn(name = "training_project_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "reason")
    private Set<Reason> notImplementedReasons = new TreeSet<>();

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("requestedOn, recordedAt")
    private List<FundingRequest> fundingRequests = new ArrayList<>();

    private LocalDate createdOn;

    private Instant recordedAt;

    private String recordedBy;

    protected TrainingProject() {
    }

    public record Definition(UUID beneficiaryId, UUID structureId, UUID accompanimentId, UUID counsellorId, String title,
            CertificationKind certificationKind, String certificationCode, EligibilityList eligibilityList,
            String eligibilityRegion, String trainingBodyName, String trainingBodySiret, LocalDate startDate,
            LocalDate endDate, int hours, BigDecimal cost) {
    }

    public TrainingProject(Definition definition, LocalDate createdOn, Instant recordedAt, String recordedBy) {
        this.id = UUID.randomUUID();
        this.beneficiaryId = definition.beneficiaryId();
        this.structureId = definition.structureId();
        this.accompanimentId = definition.accompanimentId();
        this.counsellorId = definition.counsellorId();
        this.title = definition.title();
        this.certificationKind = definition.certificationKind();
        this.certificationCode = definition.certificationCode();
        this.eligibilityList = definition.eligibilityList();
        this.eligibilityRegion = definition.eligibilityRegion();
        this.trainingBodyName = definition.trainingBodyName();
        this.trainingBodySiret = definition.trainingBodySiret();
        this.startDate = definition.startDate();
        this.endDate = definition.endDate();
        this.hours = definition.hours();
        this.cost = definition.cost().setScale(2);
        this.status = TrainingStatus.PLANNED;
        this.createdOn = createdOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public FundingRequest requestFunding(Funder funder, BigDecimal amount, Integer cpfHours, LocalDate requestedOn,
            Instant recordedAt) {
        requireStatus(TrainingStatus.PLANNED, "add a funding request to");
        if (cpfHours != null && funder != Funder.CPF) {
            throw new RuleViolation("cpfHours", "is only for a CPF line");
        }
        if (amount.compareTo(cost) > 0) {
            throw new RuleViolation("amount", "must not exceed the training cost (" + cost + ")");
        }
        fundingRequests.stream().filter(r -> r.funder() == funder && r.standing()).findFirst().ifPresent(r -> {
            throw new ConflictException("A " + funder + " request of this project is still standing (" + r.id()
                    + "); decide or withdraw it first");
        });
        FundingRequest request = new FundingRequest(this, funder, amount.setScale(2), cpfHours, requestedOn, recordedAt);
        fundingRequests.add(request);
        return request;
    }

    /** A decision may still arrive after the training started: funders answer late (the survey's slow answers). */
    public FundingRequest decide(UUID requestId, Decision decision, BigDecimal granted, RefusalReason reason,
            String comment, LocalDate answeredOn) {
        if (status == TrainingStatus.NOT_IMPLEMENTED) {
            throw new ConflictException("Training project " + id + " was not implemented; its funding plan is closed");
        }
        FundingRequest request = fundingRequest(requestId)
                .orElseThrow(() -> new ResourceNotFoundException("Funding request", requestId));
        request.decide(decision, granted, reason, comment, answeredOn);
        return request;
    }

    /** The CPF funds the training when a CPF line is still standing (awaiting an answer or granted). */
    public boolean cpfFunded() {
        return fundingRequests.stream().anyMatch(r -> r.funder() == Funder.CPF && r.standing());
    }

    public void start(LocalDate on) {
        requireStatus(TrainingStatus.PLANNED, "start");
        status = TrainingStatus.STARTED;
        startedOn = on;
    }

    public void complete(LocalDate on, Boolean certificationObtained) {
        requireStatus(TrainingStatus.STARTED, "complete");
        if (on.isBefore(startedOn)) {
            throw new RuleViolation("completedOn", "must not be before the start (" + startedOn + ")");
        }
        status = TrainingStatus.COMPLETED;
        completedOn = on;
        this.certificationObtained = certificationObtained;
    }

    public void notImplemented(LocalDate on, Set<Reason> reasons) {
        requireStatus(TrainingStatus.PLANNED, "declare not implemented");
        status = TrainingStatus.NOT_IMPLEMENTED;
        notImplementedOn = on;
        notImplementedReasons = new TreeSet<>(reasons);
    }

    /** Right to be forgotten: the free text someone may have typed about the person goes. */
    public void eraseFreeText() {
        title = null;
        trainingBodyName = null;
        fundingRequests.forEach(FundingRequest::eraseFreeText);
    }

    public FundingPlan.Project planProject() {
        return new FundingPlan.Project(cost, startDate, endDate, eligibilityList);
    }

    public List<FundingPlan.Line> planLines() {
        return fundingRequests.stream().map(FundingRequest::asPlanLine).toList();
    }

    private void requireStatus(TrainingStatus expected, String action) {
        if (status != expected) {
            throw new ConflictException("Cannot " + action + " training project " + id + ": it is " + status
                    + (expected == TrainingStatus.PLANNED ? "" : ", not " + expected));
        }
    }

    public Optional<FundingRequest> fundingRequest(UUID requestId) {
        return fundingRequests.stream().filter(r -> r.id().equals(requestId)).findFirst();
    }

    public boolean cpfEligible() {
        return eligibilityList != EligibilityList.NONE;
    }

    public UUID id() { return id; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public UUID structureId() { return structureId; }
    public UUID accompanimentId() { return accompanimentId; }
    public UUID counsellorId() { return counsellorId; }
    public String title() { return title; }
    public CertificationKind certificationKind() { return certificationKind; }
    public String certificationCode() { return certificationCode; }
    public EligibilityList eligibilityList() { return eligibilityList; }
    public String eligibilityRegion() { return eligibilityRegion; }
    public String trainingBodyName() { return trainingBodyName; }
    public String trainingBodySiret() { return trainingBodySiret; }
    public LocalDate startDate() { return startDate; }
    public LocalDate endDate() { return endDate; }
    public int hours() { return hours; }
    public BigDecimal cost() { return cost; }
    public TrainingStatus status() { return status; }
    public LocalDate startedOn() { return startedOn; }
    public LocalDate completedOn() { return completedOn; }
    public Boolean certificationObtained() { return certificationObtained; }
    public LocalDate notImplementedOn() { return notImplementedOn; }
    public Set<Reason> notImplementedReasons() { return Set.copyOf(notImplementedReasons); }
    public List<FundingRequest> fundingRequests() { return List.copyOf(fundingRequests); }
    public LocalDate createdOn() { return createdOn; }
}
