package fr.capemploi.platform.directory;

import fr.capemploi.platform.accesslog.RegistryAccessLog;
import fr.capemploi.platform.problem.BeneficiaryErasedException;
import fr.capemploi.platform.problem.UnknownReferenceException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/**
 * The beneficiaries beneficiary-service announced, as a service keeps them in its own table (the subclass's
 * repository): the one protocol every service follows for a request about a person.
 * <ol>
 * <li>{@link #require} outside any transaction, before the use case: waits for a registration not arrived yet,
 * refuses an unknown or foreign person (404 {@code unknown-reference} naming {@code beneficiaryId}); a person found
 * in the caller's structure is remembered there ({@link DirectoryReferences#requireRemembered}) until their entry
 * changes ({@link BeneficiaryEntryChanges});</li>
 * <li>in the use case's transaction, {@link #requireNotErased} (or {@link #lockForWrite}, which also serialises two
 * requests about one person) before touching any of the person's records;</li>
 * <li>on a read, {@link #traceReadIfErased} once the caller's access was checked.</li>
 * </ol>
 */
public abstract class BeneficiaryDirectory<E extends BeneficiaryEntry> {

    public static final String FIELD = "beneficiaryId";
    static final String KIND = "Beneficiary";

    private final PanacheRepositoryBase<E, UUID> entries;
    private final DirectoryReferences references;
    private final RegistryAccessLog accessLog;

    /** @param entries the service's table of the people announced, keyed by the person's id */
    protected BeneficiaryDirectory(PanacheRepositoryBase<E, UUID> entries, DirectoryReferences references,
            RegistryAccessLog accessLog) {
        this.entries = entries;
        this.references = references;
        this.accessLog = accessLog;
    }

    /** The container's client proxy of a subclass needs one; it delegates every call to the real bean. */
    protected BeneficiaryDirectory() {
        this(null, null, null);
    }

    /** The person as the service's table holds them, read in the caller's transaction with that lock. */
    private Optional<E> find(UUID beneficiaryId, LockModeType lock) {
        return entries.findByIdOptional(beneficiaryId, lock);
    }

    /**
     * Returns once the person is known in {@code structureId}; call it outside any transaction. An erased person
     * passes here: {@link #requireNotErased}, inside the use case, refuses them.
     *
     * @throws UnknownReferenceException for an id of another structure, or still unknown after the wait
     */
    public void require(UUID beneficiaryId, UUID structureId) {
        references.requireRemembered(FIELD, KIND, beneficiaryId, structureId, id -> find(id, LockModeType.NONE));
    }

    /**
     * The person, in the caller's transaction and locked for it, so that two requests about one person (two
     * accompaniments opened at once) are serialised; refused like {@link #require} and {@link #requireNotErased}.
     */
    public E lockForWrite(UUID beneficiaryId, UUID structureId) {
        E beneficiary = find(beneficiaryId, LockModeType.PESSIMISTIC_WRITE)
                .filter(known -> structureId.equals(known.structureId()))
                .orElseThrow(() -> new UnknownReferenceException(FIELD, KIND, beneficiaryId));
        if (beneficiary.erased()) {
            throw new BeneficiaryErasedException(beneficiaryId, beneficiary.erasedOn());
        }
        return beneficiary;
    }

    /**
     * The erasure rule for every write about a person, new record or existing one. Call it in the use case's
     * transaction before touching any of the person's records: the directory entry stays share-locked until the
     * transaction ends, so the erasure event, applied meanwhile, waits for the write. A write that got here first is
     * a fact from before the erasure; one that comes after the erasure was applied is refused; there is no third case.
     *
     * @throws BeneficiaryErasedException once this service has seen the person's erasure
     */
    public void requireNotErased(UUID beneficiaryId) {
        find(beneficiaryId, LockModeType.PESSIMISTIC_READ).filter(BeneficiaryEntry::erased).ifPresent(known -> {
            throw new BeneficiaryErasedException(beneficiaryId, known.erasedOn());
        });
    }

    /**
     * An erased person's records stay readable by their structure's staff (pseudonymous facts, no personal data), and
     * each such read is traced in the person's one access log, at beneficiary-service, as the caller, before the
     * record is served (503 when the registry cannot take the trace). Call it after the caller's access was checked
     * and outside any transaction: no connection is held while the registry answers. Before the erasure event has
     * reached this service the person is not known as erased here, and the read is not traced.
     */
    public void traceReadIfErased(UUID beneficiaryId, String kind, UUID recordId) {
        if (beneficiaryId != null && QuarkusTransaction.requiringNew().call(() -> find(beneficiaryId,
                LockModeType.NONE).filter(BeneficiaryEntry::erased).isPresent())) {
            accessLog.recordRead(beneficiaryId, kind, recordId);
        }
    }
}
