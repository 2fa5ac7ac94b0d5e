package fr.capemploi.platform.directory;

import fr.capemploi.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The counsellors beneficiary-service announces, in the service's own {@code known_counsellor} table (columns
 * {@code counsellor_id} primary key, {@code structure_id}), kept by {@link CounsellorDirectoryProjection}: a request
 * may name only a counsellor of the caller's structure, as beneficiary-service checks referents. A counsellor found in
 * a structure is remembered there ({@link DirectoryReferences#requireRemembered}) and forgotten when announced again.
 */
@ApplicationScoped
public class CounsellorDirectory {

    static final String KIND = "Counsellor";

    private final EntityManager entityManager;
    private final DirectoryReferences references;

    public CounsellorDirectory(EntityManager entityManager, DirectoryReferences references) {
        this.entityManager = entityManager;
        this.references = references;
    }

    public record Counsellor(UUID counsellorId, UUID structureId) implements DirectoryEntry {
    }

    /**
     * Call outside any transaction: it may wait. A null id (the field is optional) is not checked.
     *
     * @throws fr.capemploi.platform.problem.UnknownReferenceException naming {@code field}
     */
    public void require(UUID counsellorId, UUID structureId, String field) {
        references.requireRemembered(field, KIND, counsellorId, structureId, this::find);
    }

    /**
     * The counsellor a write is credited to ({@link Caller#actingCounsellor}: the one the request names in its
     * {@code counsellorId}, else the caller's own), required of the caller's structure like {@link #require}; null when
     * neither names one. Call outside any transaction: it may wait.
     */
    public UUID requireActing(Caller caller, UUID named) {
        UUID acting = caller.actingCounsellor(named);
        require(acting, caller.ownStructure(), "counsellorId");
        return acting;
    }

    /**
     * In the caller's transaction. The column is read as the scalar the driver gives (a {@code uuid} is a UUID), not
     * with a result class: Hibernate keys a native query's plan by its result mapping, and the mapping a result class
     * makes is never equal to the previous call's while its hash is the same, so each look added one more plan to the
     * session factory's cache (up to its 2,048 entries, pushing out the others) and compared itself with every one of
     * them: ~2 ms of CPU a look in the demo, cep-service's hottest frame (bench/JOURNAL.md, 2026-12-07).
     */
    public Optional<Counsellor> find(UUID counsellorId) {
        List<?> structure = entityManager
                .createNativeQuery("SELECT structure_id FROM known_counsellor WHERE counsellor_id = ?1")
                .setParameter(1, counsellorId).getResultList();
        return structure.stream().findFirst().map(id -> new Counsellor(counsellorId, (UUID) id));
    }

    /** A counsellor announced again (moved to another structure) keeps one row, of their latest structure. */
    void announced(UUID counsellorId, UUID structureId) {
        entityManager.createNativeQuery("INSERT INTO known_counsellor (counsellor_id, structure_id) VALUES (?1, ?2) "
                        + "ON CONFLICT (counsellor_id) DO UPDATE SET structure_id = EXCLUDED.structure_id")
                .setParameter(1, counsellorId).setParameter(2, structureId).executeUpdate();
        references.forget(KIND, counsellorId);
    }
}
