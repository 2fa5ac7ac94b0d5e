package fr.capemploi.cep.service;

import fr.capemploi.cep.config.CepConfig;
import fr.capemploi.cep.domain.BeneficiaryErasedException;
import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.domain.UnknownReference;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.platform.accesslog.RegistryAccessLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which beneficiaries exist, as announced on {@code beneficiary.events}. Across topics nothing is ordered: a front end
 * posts CEP work right after creating the person, possibly before the registration reached this service. So a
 * request naming an id not known yet waits, for a bounded time, for the registration to arrive before being refused.
 */
@ApplicationScoped
public class BeneficiaryReferences {

    private final KnownBeneficiaryRepository beneficiaries;
    private final RegistryAccessLog accessLog;
    private final Duration timeout;
    private final Duration poll;
    private final AtomicInteger waiting = new AtomicInteger();

    public BeneficiaryReferences(KnownBeneficiaryRepository beneficiaries, RegistryAccessLog accessLog, CepConfig config,
            MeterRegistry registry) {
        this.beneficiaries = beneficiaries;
        this.accessLog = accessLog;
        this.timeout = config.beneficiaries().arrivalTimeout();
        this.poll = config.beneficiaries().arrivalPoll();
        Gauge.builder("cep.beneficiary.arrival.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for the registration of the beneficiary they name").register(registry);
    }

    /**
     * Returns once the beneficiary is known locally or the wait is over; call it outside any transaction, before
     * the use case, which then refuses an id still unknown. Holds a worker thread for at most the configured time.
     */
    public void awaitRegistration(UUID beneficiaryId) {
        if (beneficiaryId == null || known(beneficiaryId)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
                if (known(beneficiaryId)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many requests are waiting now: lets a test publish the registration only once a request waits for it. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * The beneficiary, in the caller's transaction and locked for it, so that two requests about one person (two
     * accompaniments opened at once) are serialised.
     *
     * @throws UnknownReference for an id unknown or of another structure (404 naming {@code beneficiaryId})
     * @throws BeneficiaryErasedException for an erased person
     */
    public KnownBeneficiary require(UUID beneficiaryId, UUID structureId) {
        KnownBeneficiary beneficiary = beneficiaries.findByIdOptional(beneficiaryId, LockModeType.PESSIMISTIC_WRITE)
                .filter(known -> known.structureId().equals(structureId))
                .orElseThrow(() -> new UnknownReference("beneficiaryId", "Beneficiary", beneficiaryId));
        refuseIfErased(beneficiary);
        return beneficiary;
    }

    /**
     * The erasure rule for every write about a person, new record or existing one, and for their documents. The
     * directory entry is share-locked until the caller's transaction ends: the erasure event, applied meanwhile,
     * waits for it. So a write that got here first is a fact from before the erasure, and one that comes after the
     * erasure was applied is refused; there is no third case.
     *
     * @throws BeneficiaryErasedException once this service has seen the person's erasure
     */
    public void requireNotErased(UUID beneficiaryId) {
        beneficiaries.findByIdOptional(beneficiaryId, LockModeType.PESSIMISTIC_READ).ifPresent(this::refuseIfErased);
    }

    /**
     * An erased person's records stay readable by their structure's staff (pseudonymous facts, no personal data), and
     * each such read is traced in the person's one access log, at beneficiary-service, as the caller, before the
     * record is served (503 when the registry cannot take the trace). Call it after the caller's access was checked
     * and outside any transaction: no connection is held while the registry answers. Before the erasure event has
     * reached this service the person is not known as erased here, and the read is not traced (see the README).
     */
    public void traceReadIfErased(UUID beneficiaryId, String kind, UUID recordId) {
        if (beneficiaryId != null && QuarkusTransaction.requiringNew().call(() -> beneficiaries
                .findByIdOptional(beneficiaryId).filter(KnownBeneficiary::erased).isPresent())) {
            accessLog.recordRead(beneficiaryId, kind, recordId);
        }
    }

    private void refuseIfErased(KnownBeneficiary beneficiary) {
        if (beneficiary.erased()) {
            throw new BeneficiaryErasedException(beneficiary.beneficiaryId(), beneficiary.erasedOn());
        }
    }

    private boolean known(UUID beneficiaryId) {
        return QuarkusTransaction.requiringNew().call(() -> beneficiaries.findByIdOptional(beneficiaryId).isPresent());
    }
}
