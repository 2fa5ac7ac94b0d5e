package fr.capemploi.events.cpf;

import static fr.capemploi.events.SampleIds.BENEFICIARY;
import static fr.capemploi.events.SampleIds.COUNSELLOR;
import static fr.capemploi.events.SampleIds.STRUCTURE;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingProjectCreated.CertificationKind;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of each type of {@link CpfEvents}: one person's CPF story in 2016-2017. */
public final class CpfEventSamples {

    static final UUID CONSENT = UUID.fromString("c0f5e1a2-3b4c-4d5e-8f60-718293a4b5c6");
    static final UUID PROJECT = UUID.fromString("7e3a9c51-2d4f-4b6a-9e8d-1f2a3b4c5d6e");
    static final UUID ACCOMPANIMENT = UUID.fromString("a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d");
    static final UUID CPF_REQUEST = UUID.fromString("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
    static final UUID AGEFIPH_REQUEST = UUID.fromString("0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d");

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.ofEntries(
            Map.entry(CpfPresented.class, new CpfPresented(BENEFICIARY, STRUCTURE, COUNSELLOR, LocalDate.of(2016, 5, 2))),
            Map.entry(CpfAccountOpeningAssisted.class, new CpfAccountOpeningAssisted(BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 5, 2))),
            Map.entry(CpfAccountAlreadyOpen.class, new CpfAccountAlreadyOpen(BENEFICIARY, STRUCTURE, null,
                    LocalDate.of(2016, 5, 2))),
            Map.entry(CpfConsentGiven.class, new CpfConsentGiven(CONSENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 5, 17), ConsentModality.SIGNED_STANDARD_LETTER)),
            Map.entry(CpfConsentWithdrawn.class, new CpfConsentWithdrawn(CONSENT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 9, 1))),
            Map.entry(CpfBalanceRecorded.class, new CpfBalanceRecorded(BENEFICIARY, STRUCTURE, COUNSELLOR, BalanceUnit.HOURS,
                    new BigDecimal("24.00"), LocalDate.of(2016, 5, 2))),
            Map.entry(TrainingProjectCreated.class, new TrainingProjectCreated(PROJECT, BENEFICIARY, STRUCTURE, COUNSELLOR,
                    ACCOMPANIMENT, CertificationKind.RNCP, "RNCP1234", true, EligibilityList.COPAREF, "11", 420,
                    new BigDecimal("4830.50"), LocalDate.of(2016, 9, 12), LocalDate.of(2017, 3, 31),
                    LocalDate.of(2016, 5, 20))),
            Map.entry(FundingRequested.class, new FundingRequested(CPF_REQUEST, PROJECT, BENEFICIARY, STRUCTURE, Funder.CPF,
                    new BigDecimal("360.00"), 24, LocalDate.of(2016, 5, 23))),
            Map.entry(FundingDecided.class, new FundingDecided(AGEFIPH_REQUEST, PROJECT, BENEFICIARY, STRUCTURE,
                    Funder.AGEFIPH, Decision.PARTLY_GRANTED, new BigDecimal("4470.50"), new BigDecimal("3000.00"), null,
                    LocalDate.of(2016, 5, 23), LocalDate.of(2016, 7, 4), 42, true)),
            Map.entry(TrainingStarted.class, new TrainingStarted(PROJECT, BENEFICIARY, STRUCTURE,
                    LocalDate.of(2016, 9, 12), true)),
            Map.entry(TrainingCompleted.class, new TrainingCompleted(PROJECT, BENEFICIARY, STRUCTURE,
                    LocalDate.of(2017, 3, 31), Boolean.TRUE)),
            Map.entry(TrainingNotImplemented.class, new TrainingNotImplemented(PROJECT, BENEFICIARY, STRUCTURE,
                    LocalDate.of(2016, 8, 30), List.of(TrainingNotImplemented.Reason.NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS,
                            TrainingNotImplemented.Reason.SLOW_CO_FUNDING_ANSWERS))));

    private CpfEventSamples() {
    }
}
