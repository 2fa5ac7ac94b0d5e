package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.CpfAccount;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class CpfAccountRepository implements PanacheRepositoryBase<CpfAccount, UUID> {

    /**
     * The person's account, created on the first step, and locked for the rest of the transaction: two
     * counsellors recording a consent at once must not both succeed.
     */
    public CpfAccount lockOrCreate(UUID beneficiaryId, UUID structureId, Instant now) {
        // the account exists for every step but a person's first: locked by one statement then, not two (an insert
        // that finds it, then the lock); a first step inserts it, and two first steps at once still make one account,
        // the second's insert waiting for the first's commit
        CpfAccount existing = findById(beneficiaryId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
        getEntityManager().createNativeQuery("INSERT INTO cpf_account (beneficiary_id, structure_id, recorded_at) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT (beneficiary_id) DO NOTHING")
                .setParameter(1, beneficiaryId).setParameter(2, structureId).setParameter(3, now)
                .executeUpdate();
        return findById(beneficiaryId, LockModeType.PESSIMISTIC_WRITE);
    }
}
