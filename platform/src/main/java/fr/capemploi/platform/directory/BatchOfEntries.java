package fr.capemploi.platform.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The entries of a directory table that one polled batch of events touches, read together in one statement before the
 * batch is applied ({@link #read}), then found and added here while it is applied: a look-up per event was a round
 * trip of its own, and the new entries are sent to the database as one JDBC batch at the commit. Lives for one
 * transaction of the projection (the channel's consumer thread): {@link #begin} at the start of each attempt.
 */
public final class BatchOfEntries<E> {

    /** Statements of one kind sent together at the flush: a batch of a few hundred events makes that many entries. */
    private static final int JDBC_BATCH = 100;

    private final Class<E> type;
    private final PanacheRepositoryBase<E, UUID> entries;
    private final Function<E, UUID> idOf;
    /** What the table holds for each id read in this batch (empty: no entry), with the batch's own changes. */
    private final Map<UUID, Optional<E>> known = new HashMap<>();

    /**
     * @param type the entity, keyed by the id
     * @param idOf the entity's id
     */
    public BatchOfEntries(Class<E> type, PanacheRepositoryBase<E, UUID> entries, Function<E, UUID> idOf) {
        this.type = type;
        this.entries = entries;
        this.idOf = idOf;
    }

    /** A new attempt at a batch, in its transaction: what an earlier (failed) attempt read or added is forgotten. */
    public void begin() {
        known.clear();
        entries.getEntityManager().unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
    }

    /**
     * Reads the entries of these ids in one statement (those not read yet in this batch): the session's load by ids,
     * one {@code = any(?)} with the ids as one array, a statement Hibernate translates once. A query with the ids as
     * an {@code in} list was translated to SQL again for every batch (a query with a list parameter is not cached):
     * the read was 4.7-4.8 % of cep-service's and cpf-service's sampled CPU in the demo, over half of it that
     * translation (bench/README.md, "The demo at scale 1, measured").
     */
    public void read(Collection<UUID> ids) {
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            if (id != null && !known.containsKey(id)) {
                known.put(id, Optional.empty());
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (E entry : entries.getEntityManager().unwrap(Session.class).findMultiple(type, missing)) {
                if (entry != null) {
                    known.put(idOf.apply(entry), Optional.of(entry));
                }
            }
        }
    }

    /** The entry of an id, from what the batch read or added; an id it did not read is looked up on its own. */
    public Optional<E> find(UUID id) {
        Optional<E> entry = known.get(id);
        if (entry == null) {
            entry = entries.findByIdOptional(id);
            known.put(id, entry);
        }
        return entry;
    }

    /** A new entry, written at the flush with the batch's others. */
    public E persist(E entry) {
        entries.persist(entry);
        known.put(idOf.apply(entry), Optional.of(entry));
        return entry;
    }
}
