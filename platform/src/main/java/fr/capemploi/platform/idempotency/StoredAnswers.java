package fr.capemploi.platform.idempotency;

import fr.capemploi.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotent_response} table: one row per (caller, structure, operation, key), written with the change it
 * answers.
 */
@ApplicationScoped
public class StoredAnswers {

    private static final String FIND = "SELECT request_hash, status, location, body, resource_id FROM idempotent_response "
            + "WHERE caller = ? AND operation = ? AND idempotency_key = ? AND structure_scope = ?";
    private static final String KEEP = "INSERT INTO idempotent_response (caller, operation, idempotency_key, "
            + "request_hash, status, location, body, created_at, structure_scope, resource_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    StoredAnswers(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * The answer kept for the key, read once an attempt found the key taken or failed (a new request does not look: its
     * claim, {@link #keep}, decides), by one statement on its own: outside a transaction the pool's connection is in
     * autocommit, so the look needs no transaction of its own (a JTA transaction and a Hibernate session per keyed
     * request cost more than the select, bench/JOURNAL.md 2026-12-05 midday); inside one, the caller wants a
     * transaction of its own ({@code QuarkusTransaction.requiringNew}) and gets the pool's enlisted connection.
     */
    Optional<StoredAnswer> find(String caller, String structure, String operation, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, caller);
            select.setString(2, operation);
            select.setString(3, key);
            select.setString(4, structure);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the answer kept for an Idempotency-Key", e);
        }
    }

    /**
     * Keeps the answer unless another request with the same key got there first. With a concurrent request still
     * running, PostgreSQL makes this insert wait for it to commit or roll back, so exactly one of them wins. Written on
     * the connection the pool has enlisted in the caller's transaction (the change's own): a plain statement, no
     * Hibernate session opened for it.
     *
     * @return false when an earlier request holds the key
     */
    boolean keep(String caller, String structure, String operation, String key, StoredAnswer answer, Instant now) {
        return keep(caller, structure, operation, key, answer, now, null);
    }

    /**
     * As {@link #keep(String, String, String, String, StoredAnswer, Instant)}, with the rows the use case held back
     * ({@link Outbox#holdRows}) written by the same statement: a keyed write's event and its answer in one round trip.
     * When the key is taken, they were written all the same, and the caller rolls the transaction back.
     */
    boolean keep(String caller, String structure, String operation, String key, StoredAnswer answer, Instant now,
            Outbox.HeldRows held) {
        boolean with = held != null && !held.isEmpty();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(with ? held.with() + KEEP : KEEP)) {
            int from = with ? held.bind(insert) - 1 : 0;
            insert.setString(from + 1, caller);
            insert.setString(from + 2, operation);
            insert.setString(from + 3, key);
            insert.setString(from + 4, answer.requestHash());
            insert.setInt(from + 5, answer.status());
            insert.setString(from + 6, answer.location());
            insert.setString(from + 7, answer.body());
            insert.setObject(from + 8, now.atOffset(ZoneOffset.UTC));
            insert.setString(from + 9, structure);
            insert.setObject(from + 10, answer.resourceId(), Types.OTHER);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("Could not keep the answer of an Idempotency-Key", e);
        }
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
