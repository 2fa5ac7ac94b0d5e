package fr.capemploi.platform.directory;

import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.UnknownReferenceException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one check of a reference to a record another service announces (a beneficiary, a counsellor, a training
 * project): it must exist in the caller's structure. Across topics nothing is ordered, so an id not known yet is
 * waited for, {@code cepcpf.directory.arrival-timeout} at most, before being refused; an id known in another
 * structure is refused at once. Both refusals are the same {@link UnknownReferenceException} (404
 * {@code unknown-reference} naming the field): the caller must not learn that another structure's record exists.
 */
@ApplicationScoped
public class DirectoryReferences {

    /** Runs one look at the service's table in a transaction of its own. */
    @FunctionalInterface
    interface Transactions {
        <T> T inNew(Supplier<T> work);
    }

    private final Duration timeout;
    private final Duration poll;
    private final Transactions transactions;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    public DirectoryReferences(PlatformConfig config, MeterRegistry registry) {
        this(config.directory().arrivalTimeout(), config.directory().arrivalPoll(), registry,
                new Transactions() {
                    @Override
                    public <T> T inNew(Supplier<T> work) {
                        return QuarkusTransaction.requiringNew().call(work::get);
                    }
                });
    }

    /** The rule alone, for its plain unit test: any timeout, and the looks run as they come. */
    DirectoryReferences(Duration timeout, Duration poll, MeterRegistry registry, Transactions transactions) {
        this.timeout = timeout;
        this.poll = poll;
        this.transactions = transactions;
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
