package fr.capemploi.beneficiary.repository;

import fr.capemploi.beneficiary.domain.AccessLogEntry;
import fr.capemploi.platform.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogEntry, Long> {

    private static final String APPEND = "INSERT INTO access_log_entry (beneficiary_id, structure_id, caller_name, "
            + "caller_role, caller_structure_id, action, accessed_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    public record Slice(List<AccessLogEntry> items, long total) {
    }

    /** Newest first; the id breaks ties between entries of the same instant. */
    public Slice ofBeneficiary(UUID beneficiaryId, int page, int size) {
        var found = find("beneficiaryId", Sort.descending("accessedAt", "id"), beneficiaryId);
        return new Slice(found.page(Page.of(page, size)).list(), found.count());
    }

    /**
     * The entry as a row written by the statement of the use case's event ({@link Outbox#record(Outbox.CompanionRow,
     * fr.capemploi.events.DomainEvent, java.time.Instant)}): a change of the person and its trace and event, one round
     * trip for both rows, in the same transaction as {@link #append} (bench/JOURNAL.md, 2026-12-07).
     */
    public Outbox.CompanionRow appendWithEvent(AccessLogEntry entry) {
        return new Outbox.CompanionRow() {
            @Override
            public String statement() {
                return APPEND;
            }

            @Override
            public int bind(PreparedStatement insert) throws SQLException {
                bindEntry(insert, entry);
                return 9;
            }
        };
    }

    private static void bindEntry(PreparedStatement insert, AccessLogEntry entry) throws SQLException {
        insert.setObject(1, entry.beneficiaryId());
        insert.setObject(2, entry.structureId());
        insert.setString(3, entry.callerName());
        insert.setString(4, entry.callerRole());
        insert.setObject(5, entry.callerStructureId(), Types.OTHER);
        insert.setString(6, entry.action().name());
        insert.setObject(7, entry.accessedAt().atOffset(ZoneOffset.UTC));
        insert.setString(8, entry.record());
    }

    /**
     * Writes the entries in the caller's transaction, on the session's own connection, as plain inserts sent in one
     * batch. An entry is never read back in the transaction that writes it: persisted as an entity, its
     * database-generated key made Hibernate run each insert on its own at once, read the key back and then
     * dirty-check the entry at every flush, for a row the database keeps append-only (the entries were 7.9 % of the
     * service's sampled CPU in the demo, bench/JOURNAL.md, "The demo at scale 1, measured"). Like the entity's insert,
     * it does not flush the session: a use case that created the person flushes first (the entry refers to the
     * person's row). A failure is Hibernate's, as from any of the session's statements: the problem mappers and the
     * outage check read the SQL state of its causes.
     */
    public void append(Collection<AccessLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
                for (AccessLogEntry entry : entries) {
                    bindEntry(insert, entry);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
