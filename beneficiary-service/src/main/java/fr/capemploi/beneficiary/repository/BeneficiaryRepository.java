package fr.capemploi.beneficiary.repository;

import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.BeneficiaryState;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.platform.repository.Conditions;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryRepository implements PanacheRepositoryBase<Beneficiary, UUID> {

    /**
     * What a list or search asks for; every part is optional. {@code nameWords} are normalised words that must all
     * appear in "last first"; {@code nirHash} is the keyed hash of a NIR, never the NIR itself.
     */
    public record Criteria(
            UUID structureId,
            UUID referentCounsellorId,
            StatusAtEntry statusAtEntry,
            BeneficiaryState state,
            OrientationSource orientationSource,
            LocalDate enteredFrom,
            LocalDate enteredTo,
            List<String> nameWords,
            String nirHash) {
    }

    public record Slice(List<Beneficiary> items, long total) {
    }

    /**
     * Erased tombstones are never found. Ordered by the normalised last name, first name and id: a deterministic
     * order, so that paging through a list neither skips nor repeats anyone.
     */
    public Slice search(Criteria criteria, int page, int size) {
        Conditions conditions = new Conditions()
                .and("state <> :erased", "erased", BeneficiaryState.ERASED)
                .andIfGiven("structureId = :structure", "structure", criteria.structureId())
                .andIfGiven("referentCounsellorId = :referent", "referent", criteria.referentCounsellorId())
                .andIfGiven("statusAtEntry = :status", "status", criteria.statusAtEntry())
                .andIfGiven("state = :state", "state", criteria.state())
                .andIfGiven("orientationSource = :source", "source", criteria.orientationSource())
                .andIfGiven("entryDate >= :from", "from", criteria.enteredFrom())
                .andIfGiven("entryDate <= :to", "to", criteria.enteredTo());
        List<String> words = criteria.nameWords() == null ? List.of() : criteria.nameWords();
        for (int i = 0; i < words.size(); i++) {
            conditions.and("searchKey like :word" + i + " escape '\\'", "word" + i,
                    "%" + escapeLike(words.get(i)) + "%");
        }
        conditions.andIfGiven("nirHash = :nir", "nir", criteria.nirHash());
        var found = find(conditions.query(), Sort.by("lastNameKey").and("firstNameKey").and("id"),
                conditions.parameters());
        return new Slice(found.page(Page.of(page, size)).list(), found.count());
    }

    public Optional<Beneficiary> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The structure's person with this NIR (search hash), if any. */
    public java.util.Optional<Beneficiary> withNir(UUID structureId, String nirHash) {
        return find("structureId = ?1 and nirHash = ?2", structureId, nirHash).firstResultOptional();
    }

    public boolean nirTaken(UUID structureId, String nirHash, UUID except) {
        return count("structureId = ?1 and nirHash = ?2 and id <> ?3", structureId, nirHash, except) > 0;
    }

    private static String escapeLike(String word) {
        // normalised words hold only [a-z0-9], but the escape keeps the query right if that ever changes
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
