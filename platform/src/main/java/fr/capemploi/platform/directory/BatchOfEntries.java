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

    private final PanacheRepositoryBase<E, UUID> entries;
    private final String idAttribute;
    private final Function<E, UUID> idOf;
    /** What the table holds for each id read in this batch (empty: no entry), with the batch's own changes. */
    private final Map<UUID, Optional<E>> known = new HashMap<>();

    /**
     * @param idAttribute the entity's id attribute, as a query names it
     * @param idOf        the entity's id
     */
    public BatchOfEntries(PanacheRepositoryBase<E, UUID> entries, String idAttribute, Function<E, UUID> idOf) {
        this.entries = entries;
        this.idAttribute = idAttribute;
        this.idOf = idOf;
    }

    /** A new attempt at a batch, in its transaction: what an earlier (failed) attempt read or added is forgotten. */
    public void begin() {
        known.clear();
        entries.getEntityManager().unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
    }

    /** Reads the entries of these ids in one statement (those not read yet in this batch). */
    public void read(Collection<UUID> ids) {
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            if (id != null && !known.containsKey(id)) {
                known.put(id, Optional.empty());
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (E entry : entries.list(idAttribute + " in ?1", missing)) {
                known.put(idOf.apply(entry), Optional.of(entry));
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
