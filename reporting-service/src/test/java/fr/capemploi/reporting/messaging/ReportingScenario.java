package fr.capemploi.reporting.messaging;

import static fr.capemploi.reporting.messaging.UpstreamEvents.d;
import static fr.capemploi.reporting.messaging.UpstreamEvents.person;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.beneficiary.BeneficiaryExited;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.CounsellorDeactivated;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.cep.AccompanimentClosed;
import fr.capemploi.events.cep.AccompanimentLevelChanged;
import fr.capemploi.events.cep.AccompanimentOpened;
import fr.capemploi.events.cep.ActionCancelled;
import fr.capemploi.events.cep.ActionCompleted;
import fr.capemploi.events.cep.ActionPlanned;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.events.cep.CepInformationGiven;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.events.cep.InterviewHeld;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import fr.capemploi.events.cpf.CpfAccountOpeningAssisted;
import fr.capemploi.events.cpf.CpfConsentGiven;
import fr.capemploi.events.cpf.CpfPresented;
import fr.capemploi.events.cpf.FundingDecided;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingNotImplemented;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.events.cpf.TrainingStarted;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small, hand-countable event set in one region: three structures (A, B, C), five counsellors, five people, four
 * accompaniments, level-1 contacts, actions, CPF steps, trainings, funding decisions and declarations. The expected
 * figures are worked out by hand in {@code IndicatorCatalogueTest}. The people's CPF and CEP facts are published
 * before their registrations (the worst order across topics), and a few events are delivered twice.
 */
public final class ReportingScenario {

    public final String region;
    public final UUID structureA = UUID.randomUUID();
    public final UUID structureB = UUID.randomUUID();
    public final UUID structureC = UUID.randomUUID();
    final UUID cA1 = UUID.randomUUID();
    final UUID cA2 = UUID.randomUUID();
    final UUID cA3 = UUID.randomUUID();
    final UUID cB1 = UUID.randomUUID();
    final UUID cC1 = UUID.randomUUID();
    final UUID p1 = UUID.randomUUID();
    final UUID p2 = UUID.randomUUID();
    final UUID p3 = UUID.randomUUID();
    final UUID p4 = UUID.randomUUID();
    final UUID p5 = UUID.randomUUID();
    final UUID acc1 = UUID.randomUUID();
    final UUID acc2 = UUID.randomUUID();
    final UUID acc3 = UUID.randomUUID();
    final UUID acc4 = UUID.randomUUID();
    final UUID tp1 = UUID.randomUUID();
    final UUID tp2 = UUID.randomUUID();
    final UUID tp3 = UUID.randomUUID();
    /** Recorded after the first declarations of 2016 and before structure A's second version. */
    public Instant beforeRevision;

    private final List<Runnable> duplicates = new ArrayList<>();

    public ReportingScenario(String region) {
        this.region = region;
    }

    public ReportingScenario publish() {
        publishWithoutWaiting();
        awaitApplied();
        return this;
    }

    /** The scenario's events sent to the broker, without waiting for the projections. */
    public ReportingScenario publishWithoutWaiting() {
        directory();
        cpfFacts();
        cepFacts();
        declarations();
        people();
        duplicates.forEach(Runnable::run);
        return this;
    }

    private void cpfFacts() {
        send(new CpfPresented(p1, structureA, cA1, d("2016-03-01")), true);
        send(new CpfPresented(p2, structureA, cA1, d("2016-04-01")), false);
        send(new CpfAccountOpeningAssisted(p1, structureA, cA1, d("2016-03-15")), false);
        send(new CpfConsentGiven(UUID.randomUUID(), p1, structureA, cA1, d("2016-03-20"),
                CpfConsentGiven.ConsentModality.SIGNED_STANDARD_LETTER), false);

        send(new TrainingProjectCreated(tp1, p1, structureA, cA1, acc1, TrainingProjectCreated.CertificationKind.RNCP,
                "RNCP1234", true, TrainingProjectCreated.EligibilityList.COPAREF, region, 400, new BigDecimal("4000.00"),
                d("2016-10-01"), d("2017-03-31"), d("2016-05-02")), false);
        send(decision(tp1, p1, structureA, Funder.CPF, FundingDecided.Decision.GRANTED, "2016-05-03", "2016-05-13", 10,
                false), false);
        send(decision(tp1, p1, structureA, Funder.AGEFIPH, FundingDecided.Decision.GRANTED, "2016-05-03", "2016-06-02",
                30, true), true);
        send(new TrainingStarted(tp1, p1, structureA, d("2016-10-01"), true), false);

        send(new TrainingProjectCreated(tp2, p4, structureB, cB1, acc3, TrainingProjectCreated.CertificationKind.RS,
                "RS99", true, TrainingProjectCreated.EligibilityList.COPANEF, null, 200, new BigDecimal("6000.00"),
                d("2016-06-01"), d("2016-12-31"), d("2016-03-01")), false);
        send(decision(tp2, p4, structureB, Funder.AIF_POLE_EMPLOI, FundingDecided.Decision.REFUSED, "2016-03-02",
                "2016-03-22", 20, false), false);
        send(new TrainingNotImplemented(tp2, p4, structureB, d("2016-04-01"), List.of(
                TrainingNotImplemented.Reason.NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS,
                TrainingNotImplemented.Reason.SLOW_CO_FUNDING_ANSWERS)), true);
        send(new TrainingNotImplemented(tp3, p3, structureA, d("2017-01-15"),
                List.of(TrainingNotImplemented.Reason.COST_TOO_HIGH)), false);
    }

    private void cepFacts() {
        // level 1: one anonymous person and p1
        send(new Level1ContactRecorded(UUID.randomUUID(), structureA, cA3, null, d("2016-01-10"),
                Level1ContactRecorded.ContactChannel.PHONE, Level1ContactRecorded.Level1Request.CEP_INFORMATION,
                false), false);
        send(new Level1ContactRecorded(UUID.randomUUID(), structureA, cA1, p1, d("2016-01-15"),
                Level1ContactRecorded.ContactChannel.ON_SITE, Level1ContactRecorded.Level1Request.CPF_INFORMATION,
                true), false);

        // acc1: p1, level 2 from 2016-02-10, level 3 from 2016-05-01, closed 2016-09-30 with a decision
        send(new AccompanimentOpened(acc1, p1, structureA, cA1, null, 2,
                CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, WorkAxis.PROJECT_ELABORATION, d("2016-02-10")),
                true);
        send(new CepInformationGiven(acc1, p1, structureA, cA1, d("2016-02-10")), false);
        send(new InterviewHeld(UUID.randomUUID(), acc1, p1, structureA, cA1, d("2016-03-01"), 60,
                InterviewHeld.InterviewMode.ON_SITE, 2), false);
        send(new AccompanimentLevelChanged(acc1, p1, structureA, cA1, 2, 3, CapEmploiService.TRAINING_PROJECT,
                d("2016-05-01")), false);
        send(new AccompanimentClosed(acc1, p1, structureA, cA1, 3, CapEmploiService.TRAINING_PROJECT, d("2016-09-30"),
                AccompanimentClosed.Outcome.START_TRAINING, true), false);

        // acc2: p2, level 2 from 2016-03-05, closed 2016-06-15 without a decision
        send(new AccompanimentOpened(acc2, p2, structureA, cA1, null, 2,
                CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, WorkAxis.PROJECT_ELABORATION, d("2016-03-05")),
                false);
        send(new AccompanimentClosed(acc2, p2, structureA, cA1, 2, CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION,
                d("2016-06-15"), AccompanimentClosed.Outcome.NONE_OR_ABANDON, false), false);

        // acc3: p4 in B, level 3 since 2015-12-01, still open; informed only in 2017
        send(new AccompanimentOpened(acc3, p4, structureB, cB1, null, 3, CapEmploiService.TRAINING_PROJECT,
                WorkAxis.TRAINING_PROJECT, d("2015-12-01")), false);
        send(new CepInformationGiven(acc3, p4, structureB, cB1, d("2017-02-01")), false);

        // acc4: p3, opened in 2017 only
        send(new AccompanimentOpened(acc4, p3, structureA, cA2, null, 2,
                CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, WorkAxis.PROJECT_ELABORATION, d("2017-01-10")),
                false);

        UUID act1 = UUID.randomUUID();
        send(planned(act1, acc1, p1, structureA, ActionKind.PMSMP, "2016-03-01", PmsmpPurpose.DISCOVER_JOB, null), false);
        send(new ActionCompleted(act1, acc1, p1, structureA, ActionKind.PMSMP, PmsmpPurpose.DISCOVER_JOB, null,
                d("2016-04-10")), true);
        UUID act2 = UUID.randomUUID();
        send(planned(act2, acc2, p2, structureA, ActionKind.PMSMP, "2016-06-01", PmsmpPurpose.CONFIRM_PROJECT, null),
                false);
        send(new ActionCancelled(act2, acc2, p2, structureA, ActionKind.PMSMP, d("2016-06-10")), false);
        UUID act3 = UUID.randomUUID();
        send(planned(act3, acc3, p4, structureB, ActionKind.PMSMP, "2015-12-15", PmsmpPurpose.START_RECRUITMENT, null),
                false);
        send(new ActionCompleted(act3, acc3, p4, structureB, ActionKind.PMSMP, PmsmpPurpose.START_RECRUITMENT, null,
                d("2016-01-20")), false);
        UUID act4 = UUID.randomUUID();
        send(planned(act4, acc3, p4, structureB, ActionKind.ALTERNANCE, "2016-02-01", null,
                AlternanceContract.PROFESSIONALISATION), false);
        send(new ActionCompleted(act4, acc3, p4, structureB, ActionKind.ALTERNANCE, null,
                AlternanceContract.PROFESSIONALISATION, d("2016-03-01")), false);
    }

    private void declarations() {
        send(declaration(structureA, 1, 1.5, 7.25 - 1.0, true), false);
        send(declaration(structureB, 1, 0.5, 3.5, false), true);
        beforeRevision = Instant.now();
        send(declaration(structureA, 2, 2.5, 7.75, true), false);
    }

    private void directory() {
        for (UUID structure : List.of(structureA, structureB, structureC)) {
            send(new StructureRegistered(structure, "T" + structure.toString().substring(0, 5), "Cap emploi test",
                    region, "21", d("2015-01-01")), structure.equals(structureA));
        }
        send(new CounsellorRegistered(cA1, structureA, d("2015-01-01")), false);
        send(new CounsellorRegistered(cA2, structureA, d("2015-01-01")), false);
        send(new CounsellorRegistered(cA3, structureA, d("2016-01-01")), false);
        send(new CounsellorDeactivated(cA3, structureA, d("2016-03-31")), false);
        send(new CounsellorRegistered(cB1, structureB, d("2015-01-01")), false);
        send(new CounsellorRegistered(cC1, structureC, d("2015-01-01")), false);
    }

    private void people() {

        send(person(p1, structureA, cA1, "2016-02-01", OrientationSource.POLE_EMPLOI), true);
        send(person(p2, structureA, cA1, "2016-03-01", OrientationSource.POLE_EMPLOI), false);
        send(new BeneficiaryExited(p2, structureA, d("2016-10-15"), BeneficiaryExited.ExitReason.SUSTAINABLE_JOB),
                false);
        send(person(p3, structureA, cA2, "2016-04-01", OrientationSource.MISSION_LOCALE), false);
        send(person(p4, structureB, cB1, "2015-11-01", OrientationSource.POLE_EMPLOI), false);
        send(person(p5, structureB, cB1, "2016-05-01", OrientationSource.SPONTANEOUS), false);
    }

    private OperatorDeclarationSubmitted declaration(UUID structure, int version, double level1Fte, double totalFte,
            boolean a) {
        return a
                ? new OperatorDeclarationSubmitted(UUID.randomUUID(), structure, "2016", d("2016-01-01"),
                        d("2016-12-31"), version, version == 1 ? null : version - 1, d("2017-05-01"), level1Fte, 2.0,
                        3.25, totalFte, 1.0, true, List.of(ProfessionalisationAction.AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING,
                        ProfessionalisationAction.INTERNAL_WITH_CEP_KIT), true, 10.0, 4, true, true,
                        List.of(MutualisedOfferNature.SPRO), true, true, true, false, true, true)
                : new OperatorDeclarationSubmitted(UUID.randomUUID(), structure, "2016", d("2016-01-01"),
                        d("2016-12-31"), version, null, d("2017-05-02"), level1Fte, 1.0, 2.0, totalFte, 0.5, false,
                        List.of(), false, null, null, true, null, List.of(), false, null, null, true, null, null);
    }

    private static ActionPlanned planned(UUID id, UUID accompaniment, UUID person, UUID structure, ActionKind kind,
            String on, PmsmpPurpose purpose, AlternanceContract contract) {
        return new ActionPlanned(id, accompaniment, person, structure, null, kind, d(on), d(on), d(on).plusDays(20),
                purpose, null, contract, null);
    }

    private static FundingDecided decision(UUID project, UUID person, UUID structure, Funder funder,
            FundingDecided.Decision decision, String requested, String answered, int delay, boolean newFe) {
        return new FundingDecided(UUID.randomUUID(), project, person, structure, funder, decision,
                new BigDecimal("2000.00"), decision == FundingDecided.Decision.REFUSED ? BigDecimal.ZERO
                        : new BigDecimal("2000.00"),
                decision == FundingDecided.Decision.REFUSED ? FundingDecided.RefusalReason.NO_BUDGET : null,
                d(requested), d(answered), delay, newFe);
    }

    /** Publishes an event with its business date as occurredAt; {@code twice}: delivered again, at the end. */
    private void send(DomainEvent event, boolean twice) {
        EventEnvelope envelope = TestEvents.publish(event, LocalDate.of(2016, 1, 1).atStartOfDay()
                .toInstant(ZoneOffset.UTC));
        if (twice) {
            duplicates.add(() -> TestEvents.publish(event, envelope));
        }
    }

    /**
     * Until every record published is applied and folded into the pre-aggregates (a fold runs apart from the
     * batches): the status, cheap to poll (the indicators compute every one of them, and polling them took the cores
     * from the consumer waited for). Looked at at once, then every 100 ms: most waits end within a few polls, and
     * each waited a whole first interval of 300 ms before.
     */
    public static void awaitApplied() {
        // the status read with Jackson: a RestAssured path compiles a Groovy script per look (6-13 ms of CPU each,
        // two a look, hundreds of looks a module run)
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode status = JsonAnswer.of(given().auth().oauth2(TestTokens.admin())
                            .get("/api/v1/projections/status").then().statusCode(200).extract().response());
                    return status.path("totalLag").isIntegralNumber() && status.path("totalLag").asLong() == 0
                            && status.path("unfoldedNotes").isIntegralNumber()
                            && status.path("unfoldedNotes").asLong() == 0;
                });
    }
}
