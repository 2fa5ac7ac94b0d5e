package fr.capemploi.cpf.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cpf.domain.CpfAccount;
import fr.capemploi.cpf.domain.CpfBalanceStatement;
import fr.capemploi.cpf.domain.CpfConsent;
import fr.capemploi.cpf.domain.KnownBeneficiary;
import fr.capemploi.cpf.domain.OpeningStep;
import fr.capemploi.cpf.domain.rights.RightsCalculator;
import fr.capemploi.cpf.repository.CpfAccountRepository;
import fr.capemploi.cpf.repository.CpfBalanceStatementRepository;
import fr.capemploi.cpf.repository.CpfConsentRepository;
import fr.capemploi.cpf.repository.KnownBeneficiaryRepository;
import fr.capemploi.cpf.service.BeneficiaryReferences.Reference;
import fr.capemploi.events.cpf.CpfAccountAlreadyOpen;
import fr.capemploi.events.cpf.CpfAccountOpeningAssisted;
import fr.capemploi.events.cpf.CpfBalanceRecorded;
import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import fr.capemploi.events.cpf.CpfConsentGiven;
import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import fr.capemploi.events.cpf.CpfConsentWithdrawn;
import fr.capemploi.events.cpf.CpfPresented;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ConflictException;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CPF steps a counsellor takes with a beneficiary: presentation, opening, consent, balance. Each change is
 * published; a step that changes nothing publishes nothing, so a front end may safely send it again.
 */
@ApplicationScoped
public class CpfSteps {

    private final CpfAccountRepository accounts;
    private final CpfConsentRepository consents;
    private final CpfBalanceStatementRepository balances;
    private final KnownBeneficiaryRepository beneficiaries;
    private final BeneficiaryReferences references;
    private final RightsCalculator calculator;
    private final Outbox outbox;
    private final Clock clock;

    public CpfSteps(CpfAccountRepository accounts, CpfConsentRepository consents, CpfBalanceStatementRepository balances,
            KnownBeneficiaryRepository beneficiaries, BeneficiaryReferences references, RightsCalculator calculator,
            Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.references = references;
        this.consents = consents;
        this.balances = balances;
        this.beneficiaries = beneficiaries;
        this.calculator = calculator;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Everything recorded about one person's CPF; the account is absent while no step was recorded. */
    public record AccountView(UUID beneficiaryId, UUID structureId, Optional<CpfAccount> account,
            List<CpfConsent> consents, Optional<CpfBalanceStatement> balance) {

        public Optional<CpfConsent> activeConsent() {
            return consents.stream().filter(CpfConsent::active).findFirst();
        }
    }

    /** Records that the CPF was presented; a later presentation than the recorded one changes nothing. */
    @Transactional
    public AccountView present(Reference beneficiary, LocalDate on, UUID counsellorId) {
        CpfAccount account = account(beneficiary);
        if (account.present(on, counsellorId)) {
            outbox.record(new CpfPresented(beneficiary.beneficiaryId(), beneficiary.structureId(), counsellorId, on),
                    BusinessDay.startOf(on));
        }
        return view(account);
    }

    @Transactional
    public AccountView recordOpening(Reference beneficiary, OpeningStep step, LocalDate on, UUID counsellorId) {
        CpfAccount account = account(beneficiary);
        if (account.recordOpening(step, on, counsellorId)) {
            outbox.record(step == OpeningStep.ASSISTED
                    ? new CpfAccountOpeningAssisted(beneficiary.beneficiaryId(), beneficiary.structureId(), counsellorId, on)
                    : new CpfAccountAlreadyOpen(beneficiary.beneficiaryId(), beneficiary.structureId(), counsellorId, on),
                    BusinessDay.startOf(on));
        }
        return view(account);
    }

    @Transactional
    public CpfConsent giveConsent(Reference beneficiary, LocalDate on, ConsentModality modality, UUID counsellorId) {
        account(beneficiary);
        consents.activeOf(beneficiary.beneficiaryId()).ifPresent(active -> {
            throw new ConflictException("A consent to mobilise the CPF is already in force since " + active.givenOn()
                    + " (" + active.id() + "); withdraw it before recording another");
        });
        CpfConsent consent = new CpfConsent(beneficiary.beneficiaryId(), beneficiary.structureId(), on, modality,
                counsellorId, clock.instant());
        consents.persist(consent);
        outbox.record(new CpfConsentGiven(consent.id(), beneficiary.beneficiaryId(), beneficiary.structureId(),
                counsellorId, on, modality), BusinessDay.startOf(on));
        return consent;
    }

    @Transactional
    public CpfConsent withdrawConsent(Reference beneficiary, LocalDate on, UUID counsellorId) {
        account(beneficiary);
        CpfConsent consent = consents.activeOf(beneficiary.beneficiaryId()).orElseThrow(() -> new ConflictException(
                "No consent to mobilise the CPF is in force for beneficiary " + beneficiary.beneficiaryId()));
        consent.withdraw(on, counsellorId);
        outbox.record(new CpfConsentWithdrawn(consent.id(), beneficiary.beneficiaryId(), beneficiary.structureId(),
                counsellorId, on), BusinessDay.startOf(on));
        return consent;
    }

    /**
     * Records a balance as read on a date. The unit follows the date: hours until the conversion of 1 January
     * 2019, euros from then on. Sending the same reading again records nothing.
     */
    @Transactional
    public AccountView recordBalance(Reference beneficiary, BalanceUnit unit, BigDecimal amount, LocalDate asOf,
            UUID counsellorId) {
        CpfAccount account = account(beneficiary);
        LocalDate conversion = calculator.rules().firstConversion().orElseThrow().on();
        if (unit == BalanceUnit.HOURS && !asOf.isBefore(conversion)) {
            throw new InvalidFieldException("unit", "CPF balances are in EUROS from " + conversion);
        }
        if (unit == BalanceUnit.EUROS && asOf.isBefore(conversion)) {
            throw new InvalidFieldException("unit", "CPF balances were in HOURS before " + conversion);
        }
        BigDecimal exact = amount.setScale(2);
        boolean same = balances.latestOf(beneficiary.beneficiaryId()).map(b -> b.sameAs(unit, exact, asOf)).orElse(false);
        if (!same) {
            balances.persist(new CpfBalanceStatement(beneficiary.beneficiaryId(), unit, exact, asOf, counsellorId,
                    clock.instant()));
            outbox.record(new CpfBalanceRecorded(beneficiary.beneficiaryId(), beneficiary.structureId(), counsellorId,
                    unit, exact, asOf), BusinessDay.startOf(asOf));
        }
        return view(account);
    }

    /** What was recorded for a beneficiary; the structure comes from the registry, or from the account. */
    @Transactional
    public AccountView view(UUID beneficiaryId) {
        Optional<CpfAccount> account = accounts.findByIdOptional(beneficiaryId);
        UUID structureId = beneficiaries.findByIdOptional(beneficiaryId).map(KnownBeneficiary::structureId)
                .or(() -> account.map(CpfAccount::structureId))
                .orElseThrow(() -> new ResourceNotFoundException("CPF account", beneficiaryId));
        return new AccountView(beneficiaryId, structureId, account, consents.ofBeneficiary(beneficiaryId),
                balances.latestOf(beneficiaryId));
    }

    /** The active consent on a day, for the use cases that mobilise the CPF. */
    public boolean consentInForce(UUID beneficiaryId, LocalDate day) {
        return consents.ofBeneficiary(beneficiaryId).stream().anyMatch(c -> c.inForceOn(day));
    }

    public Optional<CpfBalanceStatement> latestBalance(UUID beneficiaryId) {
        return balances.latestOf(beneficiaryId);
    }

    /** Every step goes through here, so none is recorded once the person's erasure is known. */
    private CpfAccount account(Reference beneficiary) {
        references.requireNotErased(beneficiary.beneficiaryId());
        CpfAccount account = accounts.lockOrCreate(beneficiary.beneficiaryId(), beneficiary.structureId(), clock.instant());
        if (!account.structureId().equals(beneficiary.structureId())) {
            throw new ResourceNotFoundException("CPF account", beneficiary.beneficiaryId());
        }
        return account;
    }

    private AccountView view(CpfAccount account) {
        return new AccountView(account.beneficiaryId(), account.structureId(), Optional.of(account),
                consents.ofBeneficiary(account.beneficiaryId()), balances.latestOf(account.beneficiaryId()));
    }
}
