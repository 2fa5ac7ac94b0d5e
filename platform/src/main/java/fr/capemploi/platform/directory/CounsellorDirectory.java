package fr.capemploi.platform.directory;

import fr.capemploi.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

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
     * In the caller's transaction, on its session's connection, by a plain statement. As a Hibernate native query with a
     * result class, each call was keyed in the session factory's query interpretation cache by a result mapping never
     * equal to the last one, all of one hash: every call added an entry to a single tree bin and then compared itself
     * with up to the cache's 2,048 entries — ~2 ms of CPU a look, 6-7 % of cep-service's and cpf-service's samples in
     * the demo (bench/README.md, 2026-12-07, "The demo's round trips").
     */
    public Optional<Counsellor> find(UUID counsellorId) {
        UUID structure = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT structure_id FROM known_counsellor WHERE counsellor_id = ?")) {
                select.setObject(1, counsellorId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getObject(1, UUID.class) : null;
                }
            }
        });
        return Optional.ofNullable(structure).map(id -> new Counsellor(counsellorId, id));
    }

    /** A counsellor announced again (moved to another structure) keeps one row, of their latest structure. */
    void announced(UUID counsellorId, UUID structureId) {
        entityManager.createNativeQuery("INSERT INTO known_counsellor (counsellor_id, structure_id) VALUES (?1, ?2) "
                        + "ON CONFLICT (counsellor_id) DO UPDATE SET structure_id = EXCLUDED.structure_id")
                .setParameter(1, counsellorId).setParameter(2, structureId).executeUpdate();
        references.forget(KIND, counsellorId);
    }
}
