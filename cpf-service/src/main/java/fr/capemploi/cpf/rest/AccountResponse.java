package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.domain.CpfAccount;
import fr.capemploi.cpf.domain.CpfConsent;
import fr.capemploi.cpf.domain.OpeningStep;
import fr.capemploi.cpf.service.CpfSteps.AccountView;
import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CpfAccount", description = "The CPF steps recorded for a beneficiary; absent steps are null")
public record AccountResponse(UUID beneficiaryId, UUID structureId, LocalDate presentedOn, Opening opening,
        @Schema(description = "A consent is in force (given and not withdrawn)") boolean consentInForce,
        @Schema(maxItems = 100) List<ConsentResponse> consents,
        @Schema(description = "The balance read at the latest date") Balance balance) {

    @Schema(name = "CpfOpening")
    public record Opening(OpeningStep step, LocalDate on) {
    }

    @Schema(name = "CpfConsent")
    public record ConsentResponse(UUID id, LocalDate givenOn, ConsentModality modality, LocalDate withdrawnOn) {
        static ConsentResponse of(CpfConsent consent) {
            return new ConsentResponse(consent.id(), consent.givenOn(), consent.modality(), consent.withdrawnOn());
        }
    }

    @Schema(name = "CpfBalance")
    public record Balance(BalanceUnit unit, @Schema(examples = "1440.00") BigDecimal amount, LocalDate asOf) {
    }

    static AccountResponse of(AccountView view) {
        CpfAccount account = view.account().orElse(null);
        Opening opening = account == null || account.openingStep() == null ? null
                : new Opening(account.openingStep(), account.openingOn());
        return new AccountResponse(view.beneficiaryId(), view.structureId(),
                account == null ? null : account.presentedOn(), opening, view.activeConsent().isPresent(),
                view.consents().stream().map(ConsentResponse::of).toList(),
                view.balance().map(b -> new Balance(b.unit(), b.amount(), b.asOf())).orElse(null));
    }
}
