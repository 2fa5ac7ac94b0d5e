package fr.capemploi.bench;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.beneficiary.BeneficiaryExited;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.cep.AccompanimentClosed;
import fr.capemploi.events.cep.AccompanimentLevelChanged;
import fr.capemploi.events.cep.AccompanimentOpened;
import fr.capemploi.events.cep.ActionCancelled;
import fr.capemploi.events.cep.ActionCompleted;
import fr.capemploi.events.cep.ActionPlanned;
import fr.capemploi.events.cep.CepInformationGiven;
import fr.capemploi.events.cep.DiagnosticRecorded;
import fr.capemploi.events.cep.InterviewHeld;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.Level1ContactRouted;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted;
import fr.capemploi.events.cpf.CpfAccountAlreadyOpen;
import fr.capemploi.events.cpf.CpfAccountOpeningAssisted;
import fr.capemploi.events.cpf.CpfConsentGiven;
import fr.capemploi.events.cpf.CpfPresented;
import fr.capemploi.events.cpf.FundingDecided;
import fr.capemploi.events.cpf.FundingRequested;
import fr.capemploi.events.cpf.TrainingCompleted;
import fr.capemploi.events.cpf.TrainingNotImplemented;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.events.cpf.TrainingStarted;
import fr.capemploi.localstack.demo.NetworkPlan;
import fr.capemploi.localstack.demo.NetworkPlan.AccompanimentPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ActionPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ContactPlan;
import fr.capemploi.localstack.demo.NetworkPlan.PersonPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ProjectPlan;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The events the services publish while {@code ./suite demo} loads a network: the demo's own plan
 * ({@code NetworkPlanner}, the same people and stories), turned into the events its requests cause instead of the
 * requests themselves, so that a benchmark of the projections sees the demo's mix of types without the write path.
 * Ids are derived from the plan's indices: two runs of the same scale and seed publish the same facts.
 */
final class DemoNetworkEvents {

    private final NetworkPlan plan;
    private final Consumer<DomainEvent> sink;

    private DemoNetworkEvents(NetworkPlan plan, Consumer<DomainEvent> sink) {
        this.plan = plan;
        this.sink = sink;
    }

    /** Hands every event of the plan to {@code sink}, directory first, then person by person. */
    static void publish(NetworkPlan plan, Consumer<DomainEvent> sink) {
        new DemoNetworkEvents(plan, sink).all();
    }

    private void all() {
        for (NetworkPlan.StructurePlan s : plan.structures()) {
            sink.accept(new StructureRegistered(structure(s.index()), s.code(), s.name(), s.region(), s.department(),
                    s.registeredOn()));
        }
        for (NetworkPlan.CounsellorPlan c : plan.counsellors()) {
            sink.accept(new CounsellorRegistered(counsellor(c.index()), structure(c.structure()), c.activeFrom()));
        }
        int declaration = 0;
        for (NetworkPlan.DeclarationPlan d : plan.declarations()) {
            sink.accept(declaration(declaration++, d));
        }
        int anonymous = 0;
        for (ContactPlan contact : plan.anonymousContacts()) {
            contact(id("anonymous-contact", anonymous++), contact, null);
        }
        for (PersonPlan person : plan.people()) {
            person(person);
        }
    }

    private void person(PersonPlan p) {
        UUID person = id("person", p.index());
        UUID structure = structure(p.structure());
        UUID referent = p.referent() < 0 ? null : counsellor(p.referent());
        sink.accept(new BeneficiaryRegistered(person, structure, p.partnerReferral() ? null : referent, p.entryDate(),
                p.birthDate().getYear(), value(BeneficiaryRegistered.Sex.class, p.sex()),
                value(BeneficiaryRegistered.StatusAtEntry.class, p.statusAtEntry()), p.boeType() != null,
                value(BeneficiaryRegistered.QualificationLevel.class, p.qualificationLevel()), p.inactivityMonths(),
                value(BeneficiaryRegistered.OrientationSource.class, p.orientationSource())));
        if (p.partnerReferral() && referent != null) {
            sink.accept(new ReferentAssigned(person, structure, referent, null, p.entryDate()));
        }
        if (p.level1Contact() != null) {
            contact(id("contact", p.index()), p.level1Contact(), person);
        }
        UUID diagnostic = null;
        if (p.diagnostic() != null) {
            diagnostic = id("diagnostic", p.index());
            sink.accept(new DiagnosticRecorded(diagnostic, person, structure, counsellor(p.diagnostic().counsellor()),
                    p.diagnostic().on(), value(DiagnosticRecorded.WorkAxis.class, p.diagnostic().workAxis()),
                    p.diagnostic().barriers().stream().map(b -> value(DiagnosticRecorded.Barrier.class, b)).toList(),
                    p.accompaniment() == null ? DiagnosticRecorded.CapEmploiService.DISABILITY_BARRIERS_REMOVAL
                            : value(DiagnosticRecorded.CapEmploiService.class, p.accompaniment().service()),
                    p.accompaniment() != null, p.accompaniment() == null ? null : p.accompaniment().level()));
        }
        UUID project = p.project() == null ? null : id("project", p.index());
        if (p.accompaniment() != null) {
            accompaniment(p, person, structure, diagnostic, project);
        }
        if (p.cpf() != null) {
            cpf(p, person, structure);
        }
        if (p.project() != null) {
            project(p, p.project(), person, structure, project);
        }
        if (p.exitDate() != null) {
            sink.accept(new BeneficiaryExited(person, structure, p.exitDate(),
                    value(BeneficiaryExited.ExitReason.class, p.exitReason())));
        }
    }

    private void contact(UUID id, ContactPlan c, UUID person) {
        UUID structure = structure(c.structure());
        sink.accept(new Level1ContactRecorded(id, structure, counsellor(c.counsellor()), person, c.date(),
                value(Level1ContactRecorded.ContactChannel.class, c.channel()),
                value(Level1ContactRecorded.Level1Request.class, c.request()), c.liaisonSheet()));
        if (c.routedTo() != null) {
            sink.accept(new Level1ContactRouted(id, structure, person, c.date(),
                    value(Level1ContactRouted.CepOperator.class, c.routedTo()), c.liaisonSheet()));
        }
    }

    private void accompaniment(PersonPlan p, UUID person, UUID structure, UUID diagnostic, UUID project) {
        AccompanimentPlan a = p.accompaniment();
        UUID id = id("accompaniment", p.index());
        UUID referent = counsellor(a.referent());
        var service = value(DiagnosticRecorded.CapEmploiService.class, a.service());
        var axis = "TRAINING_PROJECT".equals(a.service()) ? DiagnosticRecorded.WorkAxis.TRAINING_PROJECT
                : DiagnosticRecorded.WorkAxis.PROJECT_ELABORATION;
        sink.accept(new AccompanimentOpened(id, person, structure, referent, diagnostic, a.level(), service, axis,
                a.start()));
        if (a.informedOn() != null) {
            sink.accept(new CepInformationGiven(id, person, structure, referent, a.informedOn()));
        }
        if (a.levelChangeOn() != null) {
            sink.accept(new AccompanimentLevelChanged(id, person, structure, referent, a.level(), 3, service,
                    a.levelChangeOn()));
        }
        int interview = 0;
        for (NetworkPlan.InterviewPlan i : a.interviews()) {
            sink.accept(new InterviewHeld(id("interview-" + p.index(), interview++), id, person, structure, referent,
                    i.on(), i.minutes(), value(InterviewHeld.InterviewMode.class, i.mode()), a.levelOn(i.on())));
        }
        List<UUID> actions = new ArrayList<>();
        for (ActionPlan action : a.actions()) {
            UUID actionId = id("action-" + p.index(), actions.size());
            var kind = value(ActionPlanned.ActionKind.class, action.kind());
            sink.accept(new ActionPlanned(actionId, id, person, structure, referent, kind, action.plannedOn(),
                    action.startDate(), action.endDate(),
                    value(ActionPlanned.PmsmpPurpose.class, action.pmsmpPurpose()),
                    action.renewalOf() < 0 ? null : actions.get(action.renewalOf()),
                    value(ActionPlanned.AlternanceContract.class, action.alternanceContract()),
                    kind == ActionPlanned.ActionKind.TRAINING ? project : null));
            actions.add(actionId);
            if ("DONE".equals(action.settlement())) {
                sink.accept(new ActionCompleted(actionId, id, person, structure, kind,
                        value(ActionPlanned.PmsmpPurpose.class, action.pmsmpPurpose()),
                        value(ActionPlanned.AlternanceContract.class, action.alternanceContract()),
                        action.settledOn()));
            } else if ("CANCELLED".equals(action.settlement())) {
                sink.accept(new ActionCancelled(actionId, id, person, structure, kind, action.settledOn()));
            }
        }
        if (a.closedOn() != null) {
            sink.accept(new AccompanimentClosed(id, person, structure, referent, a.levelOn(a.closedOn()), service,
                    a.closedOn(), value(AccompanimentClosed.Outcome.class, a.outcome()), a.outcome() != null
                            && !"NONE_OR_ABANDON".equals(a.outcome())));
        }
    }

    private void cpf(PersonPlan p, UUID person, UUID structure) {
        NetworkPlan.CpfPlan c = p.cpf();
        UUID counsellor = p.referent() < 0 ? null : counsellor(p.referent());
        if (c.presentedOn() != null) {
            sink.accept(new CpfPresented(person, structure, counsellor, c.presentedOn()));
        }
        if ("ASSISTED".equals(c.openingStep())) {
            sink.accept(new CpfAccountOpeningAssisted(person, structure, counsellor, c.openingOn()));
        } else if ("ALREADY_OPEN".equals(c.openingStep())) {
            sink.accept(new CpfAccountAlreadyOpen(person, structure, counsellor, c.openingOn()));
        }
        if (c.consentOn() != null) {
            sink.accept(new CpfConsentGiven(id("consent", p.index()), person, structure, counsellor, c.consentOn(),
                    value(CpfConsentGiven.ConsentModality.class, c.consentModality())));
        }
    }

    private void project(PersonPlan p, ProjectPlan project, UUID person, UUID structure, UUID id) {
        UUID counsellor = p.referent() < 0 ? null : counsellor(p.referent());
        UUID accompaniment = p.accompaniment() == null ? null : id("accompaniment", p.index());
        LocalDate created = project.funding().isEmpty() ? project.startDate() : project.funding().get(0).requestedOn();
        sink.accept(new TrainingProjectCreated(id, person, structure, counsellor, accompaniment,
                value(TrainingProjectCreated.CertificationKind.class, project.certificationKind()),
                project.certificationCode(), true,
                value(TrainingProjectCreated.EligibilityList.class, project.eligibilityList()),
                project.eligibilityRegion(), project.hours(), project.cost(), project.startDate(), project.endDate(),
                created));
        int line = 0;
        for (NetworkPlan.FundingPlan f : project.funding()) {
            UUID request = id("funding-" + p.index(), line++);
            var funder = value(FundingRequested.Funder.class, f.funder());
            sink.accept(new FundingRequested(request, id, person, structure, funder, f.amount(), f.cpfHours(),
                    f.requestedOn()));
            sink.accept(new FundingDecided(request, id, person, structure, funder,
                    value(FundingDecided.Decision.class, f.decision()), f.amount(), f.grantedAmount(),
                    value(FundingDecided.RefusalReason.class, f.refusalReason()), f.requestedOn(), f.answeredOn(),
                    (int) ChronoUnit.DAYS.between(f.requestedOn(), f.answeredOn()),
                    project.kind() == NetworkPlan.ProjectKind.NEW_FINANCIAL_ENGINEERING));
        }
        if (project.startedOn() != null) {
            sink.accept(new TrainingStarted(id, person, structure, project.startedOn(),
                    project.funding().stream().anyMatch(f -> "CPF".equals(f.funder()))));
        }
        if (project.completedOn() != null) {
            sink.accept(new TrainingCompleted(id, person, structure, project.completedOn(), Boolean.TRUE));
        }
        if (project.notImplementedOn() != null) {
            sink.accept(new TrainingNotImplemented(id, person, structure, project.notImplementedOn(),
                    project.notImplementedReasons().stream()
                            .map(r -> value(TrainingNotImplemented.Reason.class, r)).toList()));
        }
    }

    private OperatorDeclarationSubmitted declaration(int index, NetworkPlan.DeclarationPlan d) {
        boolean half = d.period().endsWith("-H1");
        int year = Integer.parseInt(d.period().substring(0, 4));
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = half ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        double total = d.level1Only().add(d.levels2And3Only()).add(d.allLevels()).doubleValue();
        return new OperatorDeclarationSubmitted(id("declaration", index), structure(d.structure()), d.period(), start,
                end, 1, null, end.plusDays(20), d.level1Only().doubleValue(), d.levels2And3Only().doubleValue(),
                d.allLevels().doubleValue(), total, d.support().doubleValue(), d.actionsEngaged(),
                d.actions().stream().map(a -> value(OperatorDeclarationSubmitted.ProfessionalisationAction.class, a))
                        .toList(),
                d.systematicTraining(), d.trainingDays() == null ? null : d.trainingDays().doubleValue(),
                d.counsellorsTrained(), d.atLeastOneCepTraining(), d.mutualisedOfferUsed(),
                d.mutualisedNatures() == null ? List.of() : d.mutualisedNatures().stream()
                        .map(n -> value(OperatorDeclarationSubmitted.MutualisedOfferNature.class, n)).toList(),
                d.level1Delivered(), d.trainingsFitNeeds(), d.cpfRulesMastered(), d.newFundersUsed(),
                d.sproToolsDeveloped(), d.cepKitUsedInternally());
    }

    private UUID structure(int index) {
        return id("structure", index);
    }

    private UUID counsellor(int index) {
        return id("counsellor", index);
    }

    private UUID id(String kind, int index) {
        return UUID.nameUUIDFromBytes((plan.runKey() + "/" + kind + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
