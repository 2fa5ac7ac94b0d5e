package fr.capemploi.beneficiary.repository;

import fr.capemploi.beneficiary.domain.AccessLogEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogEntry, Long> {

    public record Slice(List<AccessLogEntry> items, long total) {
    }

    /** Newest first; the id breaks ties between entries of the same instant. */
    public Slice ofBeneficiary(UUID beneficiaryId, int page, int size) {
        var found = find("beneficiaryId", Sort.descending("accessedAt", "id"), beneficiaryId);
        return new Slice(found.page(Page.of(page, size)).list(), found.count());
    }
}
