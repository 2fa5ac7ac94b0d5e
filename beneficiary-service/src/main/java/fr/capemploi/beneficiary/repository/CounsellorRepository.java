package fr.capemploi.beneficiary.repository;

import fr.capemploi.beneficiary.domain.Counsellor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CounsellorRepository implements PanacheRepositoryBase<Counsellor, UUID> {

    /** Which counsellors of a structure a list shows: all, those active on a day, or those not active on it. */
    public enum Activity { ALL, ACTIVE, INACTIVE }

    public record Slice(List<Counsellor> items, long total) {
    }

    /** Ordered by name, then id, so pages stay stable while counsellors are added. */
    public Slice ofStructure(UUID structureId, Activity activity, LocalDate today, int page, int size) {
        String active = "activeFrom <= :today and (activeUntil is null or activeUntil >= :today)";
        String query = switch (activity) {
            case ALL -> "structureId = :structure";
            case ACTIVE -> "structureId = :structure and " + active;
            case INACTIVE -> "structureId = :structure and not (" + active + ")";
        };
        Parameters params = Parameters.with("structure", structureId);
        if (activity != Activity.ALL) {
            params = params.and("today", today);
        }
        var found = find(query, Sort.by("displayNameKey").and("id"), params);
        return new Slice(found.page(Page.of(page, size)).list(), found.count());
    }

    public Optional<Counsellor> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
