package fr.capemploi.platform.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.UnknownReferenceException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one check of a reference to a record another service announces (a beneficiary, a counsellor, a training
 * project): it must exist in the caller's structure. Across topics nothing is ordered, so an id not known yet is
 * waited for, {@code cepcpf.directory.arrival-timeout} at most, before being refused; an id known in another
 * structure is refused at once. Both refusals are the same {@link UnknownReferenceException} (404
 * {@code unknown-reference} naming the field): the caller must not learn that another structure's record exists.
 *
 * <p>Counsellors and beneficiaries ({@link #requireRemembered}) are named by nearly every write, and their directory
 * changes rarely against the writes that name them: once found in a structure, the entry is remembered per process
 * ({@code cepcpf.directory.remember-for}, 20,000 entries at most), so a write is one transaction, not one more per
 * reference. What a remembered entry may not hide:
 * <ul>
 * <li>a change this instance applies (a counsellor or person announced again in another structure, an erasure): the
 * projection that writes it calls {@link #forget}, effective when its transaction ends; a look that ran meanwhile
 * (it may have read the row as it was) is not remembered;</li>
 * <li>a change applied by another instance of the service (the one that consumed that partition): seen within
 * {@code remember-for};</li>
 * <li>what the use case checks in its own transaction (a person's erasure, {@link BeneficiaryDirectory#lockForWrite}'s
 * structure): checked there as before, never from memory.</li>
 * </ul>
 * Only a record found in the caller's structure is remembered: an unknown one is looked for (and waited for) every
 * time, another structure's refused after a fresh look.
 */
@ApplicationScoped
public class DirectoryReferences {

    /** Runs one look at the service's table in a transaction of its own. */
    interface Transactions {
        <T> T inNew(Supplier<T> work);

        /** Runs {@code then} once the caller's transaction has ended (at once outside one). */
        default void afterEnd(Runnable then) {
            then.run();
        }
    }

    /** A remembered record: what it is ("Counsellor", "Beneficiary") and its id. */
    private record Key(String kind, UUID id) {
    }

    private static final int MAX_REMEMBERED = 20_000;

    private final Duration timeout;
    private final Duration poll;
    private final Transactions transactions;
    private final AtomicInteger waiting = new AtomicInteger();
    /** The structure each remembered record was found in. */
    private final Cache<Key, UUID> remembered;
    private final boolean remembering;
    /** Counts the {@link #forget}s: a look that a forget overlapped is not remembered. */
    private final AtomicLong forgets = new AtomicLong();

    @Inject
    public DirectoryReferences(PlatformConfig config, MeterRegistry registry,
            TransactionSynchronizationRegistry synchronizations) {
        this(config.directory().arrivalTimeout(), config.directory().arrivalPoll(), config.directory().rememberFor(),
                registry, new Transactions() {
                    @Override
                    public <T> T inNew(Supplier<T> work) {
                        return QuarkusTransaction.requiringNew().call(work::get);
                    }

                    @Override
                    public void afterEnd(Runnable then) {
                        if (synchronizations.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
                            then.run();
                            return;
                        }
                        synchronizations.registerInterposedSynchronization(new Synchronization() {
                            @Override
                            public void beforeCompletion() {
                            }

                            @Override
                            public void afterCompletion(int status) {
                                then.run();
                            }
                        });
                    }
                });
    }

    /** The rule alone, for its plain unit test: any timeout, and the looks run as they come. */
    DirectoryReferences(Duration timeout, Duration poll, Duration rememberFor, MeterRegistry registry,
            Transactions transactions) {
        this.timeout = timeout;
        this.poll = poll;
        this.transactions = transactions;
        this.remembering = !rememberFor.isZero();
        this.remembered = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(rememberFor).build();
        Gauge.builder("cepcpf.directory.arrival.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for the announcement of the record they name").register(registry);
    }

    /**
     * Returns once the record is known in {@code structureId}. Call it outside any transaction, before the use case:
     * each look is a transaction of its own, so it sees what the projection committed since, and no connection is
     * held while waiting. A null id (an optional field left out) is not checked.
     *
     * @param field  the request's field naming the record, as the refusal names it
     * @param kind   what the record is, for the refusal's message ("Beneficiary", "Counsellor"...)
     * @param lookup the service's own table
     * @throws UnknownReferenceException when it is of another structure, or still unknown after the wait
     */
    public <E extends DirectoryEntry> void require(String field, String kind, UUID id, UUID structureId,
            Function<UUID, Optional<E>> lookup) {
        require(field, kind, id, structureId, lookup, entry -> true);
    }

    /**
     * As {@link #require(String, String, UUID, UUID, Function)}, with a further condition on the record once known
     * (a training project of the person the request is about): a known record that fails it is refused at once, like
     * another structure's, not waited for.
     */
    public <E extends DirectoryEntry> void require(String field, String kind, UUID id, UUID structureId,
            Function<UUID, Optional<E>> lookup, Predicate<? super E> condition) {
        if (id == null) {
            return;
        }
        Optional<E> entry = await(id, lookup);
        if (entry.isEmpty() || !structureId.equals(entry.get().structureId()) || !condition.test(entry.get())) {
            throw new UnknownReferenceException(field, kind, id);
        }
    }

    /**
     * As {@link #require(String, String, UUID, UUID, Function)}, for the records whose projection calls
     * {@link #forget} when it changes one of them: found once in {@code structureId}, the record is taken as known
     * there without a look until it is forgotten or {@code cepcpf.directory.remember-for} has passed.
     */
    public <E extends DirectoryEntry> void requireRemembered(String field, String kind, UUID id, UUID structureId,
            Function<UUID, Optional<E>> lookup) {
        if (id == null) {
            return;
        }
        Key key = new Key(kind, id);
        if (structureId.equals(remembered.getIfPresent(key))) {
            return;
        }
        long forgetsBefore = forgets.get();
        require(field, kind, id, structureId, lookup);
        // kept only if no forget overlapped the look, which may have read the row before that change's commit;
        // compute holds the key while it decides, so a forget's invalidation cannot slip between check and store
        if (remembering) {
            remembered.asMap().compute(key, (k, kept) -> forgets.get() == forgetsBefore ? structureId : kept);
        }
    }

    /**
     * The record of that kind changed in this service's table: it is looked up again from the end of the current
     * transaction (its commit makes the change visible; at once outside a transaction). Call it from the projection
     * that writes the change, in the transaction that writes it.
     */
    public void forget(String kind, UUID id) {
        transactions.afterEnd(() -> {
            forgets.incrementAndGet();
            remembered.invalidate(new Key(kind, id));
        });
    }

    /** How many requests are waiting now: lets a test publish an announcement only once a request waits for it. */
    public int waiting() {
        return waiting.get();
    }

    private <E> Optional<E> await(UUID id, Function<UUID, Optional<E>> lookup) {
        Optional<E> found = look(id, lookup);
        if (found.isPresent()) {
            return found;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            while (found.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
                found = look(id, lookup);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        return found;
    }

    private <E> Optional<E> look(UUID id, Function<UUID, Optional<E>> lookup) {
        return transactions.inNew(() -> lookup.apply(id));
    }
}
