package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.AccompanimentLevels;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A CEP accompaniment at level 2 or 3, opened from an entry diagnostic whose work axis corresponds to a CEP service.
 * Everything done for the person hangs here: level changes, CEP information, interviews, the action plan, the
 * synthesis and the closure. Once closed it accepts nothing more.
 */
@Entity
public class Accompaniment {


    @Id
    private UUID id;

    private UUID structureId;

    private UUID beneficiaryId;

    private UUID diagnosticId;

    private UUID referentCounsellorId;

    private int level;

    @Enumerated(EnumType.STRING)
    private CapEmploiService capEmploiService;

    @Enumerated(EnumType.STRING)
    private WorkAxis workAxis;

    private LocalDate startDate;

    private LocalDate cepInformedOn;

    private UUID cepInformedBy;

    private int synthesisRevision;

    private LocalDate synthesisIssuedOn;

    private UUID synthesisCounsellorId;

    private String synthesisProject;

    private String synthesisStrategy;

    private LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private Instant recordedAt;

    private String recordedBy;

    @OneToMany(mappedBy = "accompaniment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("changedOn, recordedAt")
    private List<LevelChange> levelChanges = new ArrayList<>();

    @OneToMany(mappedBy = "accompaniment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("heldOn, recordedAt")
    private List<Interview> interviews = new ArrayList<>();

    @OneToMany(mappedBy = "accompaniment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("plannedOn, recordedAt")
    private List<PlannedAction> actions = new ArrayList<>();

    protected Accompaniment() {
    }

    private Accompaniment(UUID id, UUID structureId, Diagnostic diagnostic, UUID referentCounsellorId, int level,
            LocalDate startDate, Instant recordedAt, String recordedBy) {
        this.id = id;
        this.structureId = structureId;
        this.beneficiaryId = diagnostic.beneficiaryId();
        this.diagnosticId = diagnostic.id();
        this.referentCounsellorId = referentCounsellorId;
        this.level = level;
        this.capEmploiService = diagnostic.correspondence().capEmploiService();
        this.workAxis = diagnostic.workAxis();
        this.startDate = startDate;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /**
     * Opens an accompaniment from a diagnostic. The level is the one the service correspondence gives unless the
     * counsellor chose the other one (levels are not a forced sequence).
     */
    public static Accompaniment open(UUID id, Diagnostic diagnostic, UUID referentCounsellorId, Integer chosenLevel,
            LocalDate startDate, Instant recordedAt, String recordedBy) {
        ServiceCorrespondence correspondence = diagnostic.correspondence();
        if (!correspondence.cep()) {
            throw new IllegalTransition("diagnosticId", correspondence.explanation()
                    + "; no CEP accompaniment can be opened from this diagnostic");
        }
        if (startDate.isBefore(diagnostic.diagnosedOn())) {
            throw new RuleViolation("startDate", "must not be before the entry diagnostic ("
                    + diagnostic.diagnosedOn() + ")");
        }
        int level = chosenLevel != null ? chosenLevel : correspondence.cepLevel();
        checkLevelExists(level);
        return new Accompaniment(id, diagnostic.structureId(), diagnostic, referentCounsellorId, level, startDate,
                recordedAt, recordedBy);
    }

    public LevelChange changeLevel(int to, LocalDate on, Instant now) {
        requireOpen();
        checkLevelExists(to);
        if (to == level) {
            throw new IllegalTransition("level", "the accompaniment is already at level " + to);
        }
        notBeforeStart("changedOn", on);
        Optional<LevelChange> previous = levelChanges.stream().reduce((a, b) -> b);
        if (previous.isPresent() && on.isBefore(previous.get().changedOn())) {
            throw new RuleViolation("changedOn", "must not be before the previous level change ("
                    + previous.get().changedOn() + ")");
        }
        LevelChange change = new LevelChange(UUID.randomUUID(), this, level, to, on, now);
        levelChanges.add(change);
        level = to;
        return change;
    }

    public void giveCepInformation(LocalDate on, UUID counsellorId) {
        requireOpen();
        if (cepInformedOn != null) {
            throw new IllegalTransition("informedOn", "the person was already informed about the CEP on " + cepInformedOn);
        }
        cepInformedOn = on;
        cepInformedBy = counsellorId;
    }

    public Interview holdInterview(LocalDate heldOn, int durationMinutes, InterviewMode mode, UUID counsellorId,
            Instant now) {
        requireOpen();
        notBeforeStart("heldOn", heldOn);
        Interview interview = new Interview(UUID.randomUUID(), this, counsellorId, heldOn, durationMinutes, mode,
                levelOn(heldOn), now);
        interviews.add(interview);
        return interview;
    }

    public PlannedAction planAction(ActionSpec spec, Instant now) {
        requireOpen();
        notBeforeStart("plannedOn", spec.plannedOn());
        ActionPlanRules.check(spec, actions);
        UUID counsellor = spec.counsellorId() != null ? spec.counsellorId() : referentCounsellorId;
        PlannedAction action = new PlannedAction(UUID.randomUUID(), this, spec, counsellor, now);
        actions.add(action);
        return action;
    }

    public PlannedAction completeAction(UUID actionId, LocalDate on) {
        requireOpen();
        PlannedAction action = action(actionId);
        action.complete(on);
        return action;
    }

    public PlannedAction cancelAction(UUID actionId, LocalDate on) {
        requireOpen();
        PlannedAction action = action(actionId);
        action.cancel(on);
        return action;
    }

    public int issueSynthesis(LocalDate on, UUID counsellorId, String project, String strategy) {
        requireOpen();
        notBeforeStart("issuedOn", on);
        if (synthesisIssuedOn != null && on.isBefore(synthesisIssuedOn)) {
            throw new RuleViolation("issuedOn", "must not be before the previous issue (" + synthesisIssuedOn + ")");
        }
        synthesisRevision++;
        synthesisIssuedOn = on;
        synthesisCounsellorId = counsellorId;
        synthesisProject = project;
        synthesisStrategy = strategy;
        return synthesisRevision;
    }

    public void close(LocalDate on, Outcome outcome) {
        if (closedOn != null) {
            throw new IllegalTransition(null, "the accompaniment was already closed on " + closedOn);
        }
        notBeforeStart("closedOn", on);
        levelChanges.stream().reduce((a, b) -> b).filter(last -> on.isBefore(last.changedOn())).ifPresent(last -> {
            throw new RuleViolation("closedOn", "must not be before the last level change (" + last.changedOn() + ")");
        });
        this.closedOn = on;
        this.outcome = outcome;
    }

    /** A CEP succeeds when the person took a decision, whichever: only "none or abandon" is not one. */
    public static boolean decisionTaken(Outcome outcome) {
        return outcome != Outcome.NONE_OR_ABANDON;
    }

    public PlannedAction action(UUID actionId) {
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Action", actionId));
    }

    /** The level the accompaniment had on a date, from its level changes. */
    public int levelOn(LocalDate date) {
        int result = levelChanges.isEmpty() ? level : levelChanges.get(0).fromLevel();
        for (LevelChange change : levelChanges) {
            if (!change.changedOn().isAfter(date)) {
                result = change.toLevel();
            }
        }
        return result;
    }

    private void requireOpen() {
        if (closedOn != null) {
            throw new IllegalTransition(null, "the accompaniment was closed on " + closedOn + "; it accepts no more changes");
        }
    }

    private void notBeforeStart(String field, LocalDate date) {
        if (date.isBefore(startDate)) {
            throw new RuleViolation(field, "must not be before the start of the accompaniment (" + startDate + ")");
        }
    }

    private static void checkLevelExists(int level) {
        if (level == 1) {
            throw new IllegalTransition("level", "level 1 (accueil individualisé) is recorded as a level-1 contact; "
                    + "an accompaniment is at level 2 or 3");
        }
        if (!AccompanimentLevels.isAccompanimentLevel(level)) {
            throw new IllegalTransition("level", "the CEP has three levels; an accompaniment is at level 2 or 3, not " + level);
        }
    }

    public boolean open() {
        return closedOn == null;
    }

    public UUID id() { return id; }
    public UUID structureId() { return structureId; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public UUID diagnosticId() { return diagnosticId; }
    public UUID referentCounsellorId() { return referentCounsellorId; }
    public int level() { return level; }
    public CapEmploiService capEmploiService() { return capEmploiService; }
    public WorkAxis workAxis() { return workAxis; }
    public LocalDate startDate() { return startDate; }
    public LocalDate cepInformedOn() { return cepInformedOn; }
    public UUID cepInformedBy() { return cepInformedBy; }
    public int synthesisRevision() { return synthesisRevision; }
    public LocalDate synthesisIssuedOn() { return synthesisIssuedOn; }
    public UUID synthesisCounsellorId() { return synthesisCounsellorId; }
    public String synthesisProject() { return synthesisProject; }
    public String synthesisStrategy() { return synthesisStrategy; }
    public LocalDate closedOn() { return closedOn; }
    public Outcome outcome() { return outcome; }
    public List<LevelChange> levelChanges() { return Collections.unmodifiableList(levelChanges); }
    public List<Interview> interviews() { return Collections.unmodifiableList(interviews); }
    public List<PlannedAction> actions() { return Collections.unmodifiableList(actions); }
}
