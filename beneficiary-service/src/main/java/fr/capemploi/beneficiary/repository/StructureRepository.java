package fr.capemploi.beneficiary.repository;

import fr.capemploi.beneficiary.domain.Structure;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StructureRepository implements PanacheRepositoryBase<Structure, UUID> {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /** Ordered by code, then id, so pages stay stable while structures are added. */
    public List<Structure> page(int page, int size) {
        return findAll(Sort.by("code").and("id")).page(Page.of(page, size)).list();
    }
}
