package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.platform.domain.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An item of an accompaniment's action plan: planned, then done or cancelled. */
@Entity
@Table(name = "action_item")
public class PlannedAction {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Accompaniment accompaniment;

    @Enumerated(EnumType.STRING)
    private ActionKind kind;

    private String label;

    private UUID counsellorId;

    private LocalDate plannedOn;

    private LocalDate startDate;

    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    private PmsmpPurpose pmsmpPurpose;

    private String hostName;

    private String hostSiret;

    private UUID renewalOf;

    @Enumerated(EnumType.STRING)
    private AlternanceContract alternanceContract;

    private UUID cpfTrainingProjectId;

    @Enumerated(EnumType.STRING)
    private ActionStatus status;

    private LocalDate statusOn;

    private Instant recordedAt;

    protected PlannedAction() {
    }

    PlannedAction(UUID id, Accompaniment accompaniment, ActionSpec spec, UUID counsellorId, Instant recordedAt) {
        this.id = id;
        this.accompaniment = accompaniment;
        this.kind = spec.kind();
        this.label = spec.label();
        this.counsellorId = counsellorId;
        this.plannedOn = spec.plannedOn();
        this.startDate = spec.startDate();
        this.endDate = spec.endDate();
        this.pmsmpPurpose = spec.pmsmpPurpose();
        this.hostName = spec.hostName();
        this.hostSiret = spec.hostSiret();
        this.renewalOf = spec.renewalOf();
        this.alternanceContract = spec.alternanceContract();
        this.cpfTrainingProjectId = spec.cpfTrainingProjectId();
        this.status = ActionStatus.PLANNED;
        this.recordedAt = recordedAt;
    }

    void complete(LocalDate on) {
        settle(ActionStatus.DONE, on);
    }

    void cancel(LocalDate on) {
        settle(ActionStatus.CANCELLED, on);
    }

    private void settle(ActionStatus target, LocalDate on) {
        if (status != ActionStatus.PLANNED) {
            throw new IllegalTransition("status", "action " + id + " is already " + status + " (on " + statusOn
                    + "); only a PLANNED action can become " + target);
        }
        if (on.isBefore(plannedOn)) {
            throw new RuleViolation("effectiveOn", "must not be before the action was planned (" + plannedOn + ")");
        }
        this.status = target;
        this.statusOn = on;
    }

    public UUID id() { return id; }
    public Accompaniment accompaniment() { return accompaniment; }
    public ActionKind kind() { return kind; }
    public String label() { return label; }
    public UUID counsellorId() { return counsellorId; }
    public LocalDate plannedOn() { return plannedOn; }
    public LocalDate startDate() { return startDate; }
    public LocalDate endDate() { return endDate; }
    public PmsmpPurpose pmsmpPurpose() { return pmsmpPurpose; }
    public String hostName() { return hostName; }
    public String hostSiret() { return hostSiret; }
    public UUID renewalOf() { return renewalOf; }
    public AlternanceContract alternanceContract() { return alternanceContract; }
    public UUID cpfTrainingProjectId() { return cpfTrainingProjectId; }
    public ActionStatus status() { return status; }
    public LocalDate statusOn() { return statusOn; }
    public Instant recordedAt() { return recordedAt; }
}
