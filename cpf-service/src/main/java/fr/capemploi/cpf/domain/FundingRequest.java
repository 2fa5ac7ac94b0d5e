package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingDecided.RefusalReason;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One line of a funding plan: what was asked of one funder, and its answer. */
@Entity
public class FundingRequest {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "training_project_id")
    private TrainingProject project;

    @Enumerated(EnumType.STRING)
    private Funder funder;

    private BigDecimal amount;

    private Integer cpfHours;

    private LocalDate requestedOn;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private BigDecimal grantedAmount;

    @Enumerated(EnumType.STRING)
    private RefusalReason refusalReason;

    /** The funder's own words, for the counsellor; free text never leaves this service. */
    private String decisionComment;

    private LocalDate answeredOn;

    private Instant recordedAt;

    protected FundingRequest() {
    }

    FundingRequest(TrainingProject project, Funder funder, BigDecimal amount, Integer cpfHours, LocalDate requestedOn,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.project = project;
        this.funder = funder;
        this.amount = amount;
        this.cpfHours = cpfHours;
        this.requestedOn = requestedOn;
        this.recordedAt = recordedAt;
    }

    /**
     * Records the funder's answer or the withdrawal of the request; a decision is final. A grant below the amount
     * requested is a partial grant, so GRANTED without an amount means the amount requested.
     */
    void decide(Decision decision, BigDecimal granted, RefusalReason reason, String comment, LocalDate answeredOn) {
        if (this.decision != null) {
            throw new ConflictException("Funding request " + id + " was already decided (" + this.decision + " on "
                    + this.answeredOn + ")");
        }
        if (answeredOn.isBefore(requestedOn)) {
            throw new RuleViolation("answeredOn", "must not be before the request (" + requestedOn + ")");
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        switch (decision) {
            case GRANTED -> {
                if (granted != null && granted.compareTo(amount) != 0) {
                    throw new RuleViolation("grantedAmount", "must equal the amount requested (" + amount
                            + ") for GRANTED; use PARTLY_GRANTED for less");
                }
                granted = amount;
            }
            case PARTLY_GRANTED -> {
                if (granted == null) {
                    throw new RuleViolation("grantedAmount", "is required for PARTLY_GRANTED");
                }
                if (granted.signum() <= 0 || granted.compareTo(amount) >= 0) {
                    throw new RuleViolation("grantedAmount", "must be more than 0 and less than the amount "
                            + "requested (" + amount + ") for PARTLY_GRANTED");
                }
            }
            case REFUSED, WITHDRAWN -> {
                if (granted != null && granted.signum() != 0) {
                    throw new RuleViolation("grantedAmount", "must be absent for " + decision);
                }
                granted = zero;
            }
        }
        if (decision == Decision.REFUSED && reason == null) {
            throw new RuleViolation("refusalReason", "is required for REFUSED");
        }
        if (decision != Decision.REFUSED && reason != null) {
            throw new RuleViolation("refusalReason", "is only for REFUSED");
        }
        this.decision = decision;
        this.grantedAmount = granted.setScale(2);
        this.refusalReason = reason;
        this.decisionComment = comment;
        this.answeredOn = answeredOn;
    }

    /** Days the funder took to answer; none for a pending or withdrawn request, the funder did not answer. */
    public Integer responseDelayDays() {
        if (decision == null || decision == Decision.WITHDRAWN) {
            return null;
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(requestedOn, answeredOn));
    }

    public boolean standing() {
        return decision != Decision.REFUSED && decision != Decision.WITHDRAWN;
    }

    void eraseFreeText() {
        decisionComment = null;
    }

    public FundingPlan.Line asPlanLine() {
        return new FundingPlan.Line(funder, amount, cpfHours, decision, grantedAmount);
    }

    public UUID id() { return id; }
    public TrainingProject project() { return project; }
    public Funder funder() { return funder; }
    public BigDecimal amount() { return amount; }
    public Integer cpfHours() { return cpfHours; }
    public LocalDate requestedOn() { return requestedOn; }
    public Decision decision() { return decision; }
    public BigDecimal grantedAmount() { return grantedAmount; }
    public RefusalReason refusalReason() { return refusalReason; }
    public String decisionComment() { return decisionComment; }
    public LocalDate answeredOn() { return answeredOn; }
}
