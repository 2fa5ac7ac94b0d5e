package fr.capemploi.beneficiary.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The keys of idempotent POSTs. Claiming a key is an {@code INSERT ... ON CONFLICT DO NOTHING}: when two attempts
 * with the same key run at once, PostgreSQL makes the second wait for the first to commit or roll back, so exactly
 * one of them creates the resource.
 */
@ApplicationScoped
public class IdempotentRequestRepository {

    private final EntityManager em;

    public IdempotentRequestRepository(EntityManager em) {
        this.em = em;
    }

    public record Claimed(String requestHash, UUID resourceId) {
    }

    /** True when this transaction now owns the key; false when an earlier request holds it. */
    public boolean claim(String caller, String operation, String key, String requestHash, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO idempotent_request (caller, operation, idempotency_key, request_hash, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).setParameter(4, requestHash)
                .setParameter(5, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    public Optional<Claimed> find(String caller, String operation, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, resource_id FROM idempotent_request
                WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).getResultList();
        return rows.stream().findFirst().map(row -> new Claimed((String) row[0], (UUID) row[1]));
    }

    public void complete(String caller, String operation, String key, UUID resourceId) {
        em.createNativeQuery("""
                UPDATE idempotent_request SET resource_id = ?4
                WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).setParameter(4, resourceId)
                .executeUpdate();
    }

    /** After an erasure the request hashes of the person's creation go too: they were derived from personal data. */
    public void forgetRequestsOf(UUID resourceId) {
        em.createNativeQuery("UPDATE idempotent_request SET request_hash = NULL WHERE resource_id = ?1")
                .setParameter(1, resourceId).executeUpdate();
    }
}
