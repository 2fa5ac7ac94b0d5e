package fr.capemploi.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code idempotent_response} table: one row per (caller, structure, operation, key), written with the change it
 * answers.
 */
@ApplicationScoped
class StoredAnswers {

    private final EntityManager em;

    StoredAnswers(EntityManager em) {
        this.em = em;
    }

    Optional<StoredAnswer> find(String caller, String structure, String operation, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status, location, body FROM idempotent_response
                WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3 AND structure_scope = ?4""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).setParameter(4, structure)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredAnswer((String) row[0], ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3]));
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
                                                 body, created_at, structure_scope)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, answer.requestHash()).setParameter(5, answer.status())
                .setParameter(6, answer.location()).setParameter(7, answer.body())
                .setParameter(8, Timestamp.from(now)).setParameter(9, structure)
                .executeUpdate() == 1;
    }
}
