package fr.capemploi.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotent_response} table: one row per (caller, structure, operation, key), written with the change it
 * answers.
 */
@ApplicationScoped
public class StoredAnswers {

    private final EntityManager em;

    StoredAnswers(EntityManager em) {
        this.em = em;
    }

    Optional<StoredAnswer> find(String caller, String structure, String operation, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status, location, body, resource_id FROM idempotent_response
                WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3 AND structure_scope = ?4""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).setParameter(4, structure)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredAnswer((String) row[0], ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (UUID) row[4]));
    }

    /**
     * Keeps the answer unless another request with the same key got there first. With a concurrent request still
     * running, PostgreSQL makes this insert wait for it to commit or roll back, so exactly one of them wins.
     *
     * @return false when an earlier request holds the key
     */
    boolean keep(String caller, String structure, String operation, String key, StoredAnswer answer, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO idempotent_response (caller, operation, idempotency_key, request_hash, status, location,
                                                 body, created_at, structure_scope, resource_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS uuid)) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, answer.requestHash()).setParameter(5, answer.status())
                .setParameter(6, answer.location()).setParameter(7, answer.body())
                .setParameter(8, Timestamp.from(now)).setParameter(9, structure)
                // as text: a null of no declared type would reach PostgreSQL as bytea
                .setParameter(10, answer.resourceId() == null ? null : answer.resourceId().toString())
                .executeUpdate() == 1;
    }

    /**
     * After an erasure, the fingerprints of the requests about the person go too: they were derived from personal
     * data. A retry under such a key is then answered whatever its body (the erased person's id, nothing else).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetRequestsAbout(UUID resourceId) {
        em.createNativeQuery("UPDATE idempotent_response SET request_hash = NULL WHERE resource_id = ?1")
                .setParameter(1, resourceId).executeUpdate();
    }
}
