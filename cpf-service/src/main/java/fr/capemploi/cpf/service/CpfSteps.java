package fr.capemploi.cpf.service;

import fr.capemploi.cpf.domain.CpfAccount;
import fr.capemploi.cpf.repository.CpfAccountRepository;
import fr.capemploi.events.cpf.CpfPresented;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** The CPF steps a counsellor takes with a beneficiary. */
@ApplicationScoped
public class CpfSteps {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final CpfAccountRepository accounts;
    private final Outbox outbox;
    private final Clock clock;

    public CpfSteps(CpfAccountRepository accounts, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records that the CPF was presented; a later presentation than the recorded one changes nothing. */
    @Transactional
    public CpfAccount present(UUID beneficiaryId, UUID structureId, LocalDate on, UUID counsellorId) {
        CpfAccount account = accounts.findByIdOptional(beneficiaryId).orElseGet(() -> {
            CpfAccount created = new CpfAccount(beneficiaryId, structureId, clock.instant());
            accounts.persist(created);
            return created;
        });
        if (!account.structureId().equals(structureId)) {
            throw new ResourceNotFoundException("CPF account", beneficiaryId);
        }
        if (account.present(on, counsellorId)) {
            outbox.record(new CpfPresented(beneficiaryId, structureId, counsellorId, on),
                    on.atStartOfDay(FRANCE).toInstant());
        }
        return account;
    }

    @Transactional
    public CpfAccount get(UUID beneficiaryId) {
        return accounts.findByIdOptional(beneficiaryId)
                .orElseThrow(() -> new ResourceNotFoundException("CPF account", beneficiaryId));
    }
}
