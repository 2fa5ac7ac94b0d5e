package fr.capemploi.cpf.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cpf.domain.CpfBalanceStatement;
import fr.capemploi.cpf.domain.FundingPlan;
import fr.capemploi.cpf.domain.FundingRequest;
import fr.capemploi.cpf.domain.TrainingProject;
import fr.capemploi.cpf.domain.TrainingStatus;
import fr.capemploi.cpf.domain.UsualCeilings;
import fr.capemploi.cpf.repository.TrainingProjectRepository;
import fr.capemploi.cpf.service.BeneficiaryReferences.Reference;
import fr.capemploi.events.cpf.FundingDecided;
import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingDecided.RefusalReason;
import fr.capemploi.events.cpf.FundingRequested;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingCompleted;
import fr.capemploi.events.cpf.TrainingNotImplemented;
import fr.capemploi.events.cpf.TrainingNotImplemented.Reason;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.events.cpf.TrainingStarted;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.domain.StructureRecords;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.rest.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Training projects of a structure: their funding plans, risk warnings and outcomes. Every change is published. */
@ApplicationScoped
public class TrainingProjects {

    private final TrainingProjectRepository projects;
    private final CpfSteps steps;
    private final BeneficiaryReferences beneficiaries;
    private final UsualCeilings ceilings;
    private final Outbox outbox;
    private final Clock clock;

    public TrainingProjects(TrainingProjectRepository projects, CpfSteps steps, BeneficiaryReferences beneficiaries,
            UsualCeilings ceilings, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.beneficiaries = beneficiaries;
        this.steps = steps;
        this.ceilings = ceilings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A project with its plan assessed now: totals, gap, new financial engineering and warnings. */
    public record AssessedProject(TrainingProject project, FundingPlan plan) {
    }

    @Transactional
    public AssessedProject create(Reference beneficiary, TrainingProject.Definition definition, String recordedBy) {
        beneficiaries.requireNotErased(beneficiary.beneficiaryId());
        LocalDate today = BusinessDay.today(clock);
        TrainingProject project = new TrainingProject(definition, today, clock.instant(), recordedBy);
        projects.persist(project);
        outbox.record(new TrainingProjectCreated(project.id(), beneficiary.beneficiaryId(), beneficiary.structureId(),
                project.counsellorId(), project.accompanimentId(), project.certificationKind(),
                project.certificationCode(), project.cpfEligible(), project.eligibilityList(),
                project.eligibilityRegion(), project.hours(), project.cost(), project.startDate(), project.endDate(),
                today), BusinessDay.startOf(today));
        return assess(project);
    }

    @Transactional
    public AssessedProject get(UUID structureId, UUID id) {
        return assess(find(structureId, id, false));
    }

    @Transactional
    public Page<AssessedProject> list(UUID structureId, UUID beneficiaryId, TrainingStatus status, int page, int size) {
        PanacheQuery<TrainingProject> query = projects.ofStructure(structureId, beneficiaryId, status);
        List<AssessedProject> items = query.page(page, size).list().stream().map(this::assess).toList();
        return new Page<>(items, query.count(), page, size);
    }

    public record Requested(FundingRequest request, AssessedProject project) {
    }

    @Transactional
    public Requested requestFunding(UUID structureId, UUID projectId, Funder funder, BigDecimal amount,
            Integer cpfHours, LocalDate requestedOn) {
        TrainingProject project = forChange(structureId, projectId);
        FundingRequest request = project.requestFunding(funder, amount, cpfHours, requestedOn, clock.instant());
        projects.flush();
        outbox.record(new FundingRequested(request.id(), project.id(), project.beneficiaryId(), project.structureId(),
                funder, request.amount(), cpfHours, requestedOn), BusinessDay.startOf(requestedOn));
        return new Requested(request, assess(project));
    }

    @Transactional
    public Requested decide(UUID structureId, UUID projectId, UUID requestId, Decision decision, BigDecimal granted,
            RefusalReason reason, String comment, LocalDate answeredOn) {
        TrainingProject project = forChange(structureId, projectId);
        FundingRequest request = project.decide(requestId, decision, granted, reason, comment, answeredOn);
        AssessedProject assessed = assess(project);
        outbox.record(new FundingDecided(request.id(), project.id(), project.beneficiaryId(), project.structureId(),
                request.funder(), decision, request.amount(), request.grantedAmount(), reason, request.requestedOn(),
                answeredOn, request.responseDelayDays(), assessed.plan().newFinancialEngineering()),
                BusinessDay.startOf(answeredOn));
        return new Requested(request, assessed);
    }

    /** A training the CPF funds starts only with the holder's consent in force on the day it starts. */
    @Transactional
    public AssessedProject start(UUID structureId, UUID projectId, LocalDate on) {
        TrainingProject project = forChange(structureId, projectId);
        boolean cpfFunded = project.cpfFunded();
        if (cpfFunded && project.status() == TrainingStatus.PLANNED
                && !steps.consentInForce(project.beneficiaryId(), on)) {
            throw new ConsentMissingException("The CPF funds training project " + project.id() + " but no consent of "
                    + "the beneficiary to mobilise the CPF was in force on " + on + ": record the consent first "
                    + "(POST /api/v1/cpf/accounts/" + project.beneficiaryId() + "/consents)");
        }
        project.start(on);
        outbox.record(new TrainingStarted(project.id(), project.beneficiaryId(), project.structureId(), on, cpfFunded),
                BusinessDay.startOf(on));
        return assess(project);
    }

    @Transactional
    public AssessedProject complete(UUID structureId, UUID projectId, LocalDate on, Boolean certificationObtained) {
        TrainingProject project = forChange(structureId, projectId);
        project.complete(on, certificationObtained);
        outbox.record(new TrainingCompleted(project.id(), project.beneficiaryId(), project.structureId(), on,
                certificationObtained), BusinessDay.startOf(on));
        return assess(project);
    }

    @Transactional
    public AssessedProject notImplemented(UUID structureId, UUID projectId, LocalDate on, Set<Reason> reasons) {
        TrainingProject project = forChange(structureId, projectId);
        project.notImplemented(on, reasons);
        outbox.record(new TrainingNotImplemented(project.id(), project.beneficiaryId(), project.structureId(), on,
                project.notImplementedReasons().stream().sorted().toList()), BusinessDay.startOf(on));
        return assess(project);
    }

    /**
     * The project locked for a change, which is about its beneficiary too: none is accepted once their erasure is
     * known. The person is checked before the project is locked, in the order the erasure takes them.
     */
    private TrainingProject forChange(UUID structureId, UUID id) {
        UUID beneficiaryId = projects.beneficiaryOf(id, structureId)
                .orElseThrow(() -> new ResourceNotFoundException("Training project", id));
        beneficiaries.requireNotErased(beneficiaryId);
        return find(structureId, id, true);
    }

    /** Another structure's project is answered as missing: the caller must not learn it exists. */
    private TrainingProject find(UUID structureId, UUID id, boolean lock) {
        Optional<TrainingProject> project = lock ? projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                : projects.findByIdOptional(id);
        return StructureRecords.requireIn(structureId, project, TrainingProject::structureId, "Training project", id);
    }

    private AssessedProject assess(TrainingProject project) {
        Optional<FundingPlan.Balance> balance = steps.latestBalance(project.beneficiaryId())
                .map(TrainingProjects::planBalance);
        return new AssessedProject(project, FundingPlan.assess(project.planProject(), project.planLines(), balance,
                ceilings));
    }

    private static FundingPlan.Balance planBalance(CpfBalanceStatement statement) {
        return new FundingPlan.Balance(statement.unit(), statement.amount(), statement.asOf());
    }
}
