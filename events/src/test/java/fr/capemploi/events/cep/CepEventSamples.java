package fr.capemploi.events.cep;

import static fr.capemploi.events.SampleIds.BENEFICIARY;
import static fr.capemploi.events.SampleIds.COUNSELLOR;
import static fr.capemploi.events.SampleIds.STRUCTURE;
import static java.util.Map.entry;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of each type of {@link CepEvents}: one person's CEP story and one structure's declaration. */
public final class CepEventSamples {

    static final UUID CONTACT = UUID.fromString("a3c1e2f4-1111-4a2b-9c3d-000000000001");
    static final UUID DIAGNOSTIC = UUID.fromString("a3c1e2f4-2222-4a2b-9c3d-000000000002");
    static final UUID ACCOMPANIMENT = UUID.fromString("a3c1e2f4-3333-4a2b-9c3d-000000000003");
    static final UUID INTERVIEW = UUID.fromString("a3c1e2f4-4444-4a2b-9c3d-000000000004");
    static final UUID PMSMP = UUID.fromString("a3c1e2f4-5555-4a2b-9c3d-000000000005");
    static final UUID RENEWAL = UUID.fromString("a3c1e2f4-6666-4a2b-9c3d-000000000006");
    static final UUID DECLARATION = UUID.fromString("a3c1e2f4-7777-4a2b-9c3d-000000000007");

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.ofEntries(
            entry(Level1ContactRecorded.class, new Level1ContactRecorded(CONTACT, STRUCTURE, COUNSELLOR, null,
                    LocalDate.of(2016, 3, 14), ContactChannel.PHONE, Level1Request.CPF_INFORMATION, true)),
            entry(Level1ContactRouted.class, new Level1ContactRouted(CONTACT, STRUCTURE, null, LocalDate.of(2016, 3, 14),
                    CepOperator.OPACIF, true)),
            entry(DiagnosticRecorded.class, new DiagnosticRecorded(DIAGNOSTIC, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 2, 22), WorkAxis.TRAINING_PROJECT, List.of(Barrier.QUALIFICATION, Barrier.MOBILITY),
                    CapEmploiService.TRAINING_PROJECT, true, 3)),
            entry(AccompanimentOpened.class, new AccompanimentOpened(ACCOMPANIMENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    DIAGNOSTIC, 2, CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, WorkAxis.PROJECT_ELABORATION,
                    LocalDate.of(2016, 2, 29))),
            entry(AccompanimentLevelChanged.class, new AccompanimentLevelChanged(ACCOMPANIMENT, BENEFICIARY, STRUCTURE,
                    COUNSELLOR, 2, 3, CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, LocalDate.of(2016, 4, 11))),
            entry(CepInformationGiven.class, new CepInformationGiven(ACCOMPANIMENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 2, 29))),
            entry(InterviewHeld.class, new InterviewHeld(INTERVIEW, ACCOMPANIMENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 3, 7), 60, InterviewMode.ON_SITE, 2)),
            entry(ActionPlanned.class, new ActionPlanned(RENEWAL, ACCOMPANIMENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    ActionKind.PMSMP, LocalDate.of(2016, 3, 30), LocalDate.of(2016, 4, 2), LocalDate.of(2016, 4, 29),
                    PmsmpPurpose.CONFIRM_PROJECT, PMSMP, null, null)),
            entry(ActionCompleted.class, new ActionCompleted(PMSMP, ACCOMPANIMENT, BENEFICIARY, STRUCTURE, ActionKind.PMSMP,
                    PmsmpPurpose.CONFIRM_PROJECT, null, LocalDate.of(2016, 4, 1))),
            entry(ActionCancelled.class, new ActionCancelled(RENEWAL, ACCOMPANIMENT, BENEFICIARY, STRUCTURE,
                    ActionKind.PMSMP, LocalDate.of(2016, 4, 1))),
            entry(SynthesisIssued.class, new SynthesisIssued(ACCOMPANIMENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 5, 17), 1)),
            entry(AccompanimentClosed.class, new AccompanimentClosed(ACCOMPANIMENT, BENEFICIARY, STRUCTURE, COUNSELLOR, 3,
                    CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, LocalDate.of(2016, 6, 20),
                    Outcome.START_TRAINING, true)),
            entry(OperatorDeclarationSubmitted.class, new OperatorDeclarationSubmitted(DECLARATION, STRUCTURE, "2016-H1",
                    LocalDate.of(2016, 1, 1), LocalDate.of(2016, 6, 30), 2, 1, LocalDate.of(2017, 5, 31), 0.5, 1.8, 6.25,
                    8.55, 1.4, true, List.of(ProfessionalisationAction.AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING,
                            ProfessionalisationAction.INTERNAL_WITH_CEP_KIT), false, 14.5, 5, true, true,
                    List.of(MutualisedOfferNature.SPRO), true, true, true, false, true, true)));

    private CepEventSamples() {
    }
}
