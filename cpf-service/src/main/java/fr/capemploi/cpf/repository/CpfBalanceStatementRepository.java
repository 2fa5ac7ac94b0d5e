package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.CpfBalanceStatement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** A named query, parsed at start-up: see {@link CpfConsentRepository}. */
@ApplicationScoped
public class CpfBalanceStatementRepository implements PanacheRepositoryBase<CpfBalanceStatement, UUID> {

    /** The balance read at the latest date; of two readings of one date, the last recorded. */
    public Optional<CpfBalanceStatement> latestOf(UUID beneficiaryId) {
        return find("#" + CpfBalanceStatement.LATEST_OF, beneficiaryId).firstResultOptional();
    }
}
