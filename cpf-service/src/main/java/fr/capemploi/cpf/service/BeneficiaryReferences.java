package fr.capemploi.cpf.service;

import fr.capemploi.cpf.config.CpfConfig;
import fr.capemploi.cpf.domain.KnownBeneficiary;
import fr.capemploi.cpf.repository.KnownBeneficiaryRepository;
import fr.capemploi.platform.accesslog.RegistryAccessLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks that a beneficiary named by a write exists and belongs to the caller's structure, as announced on
 * {@code beneficiary.events}. A front end records CPF steps right after creating the person, before the
 * registration event has reached this service: an unknown id is therefore waited for, a bounded time
 * ({@code cpf.beneficiaries.registration-wait}), before the write is refused. Called outside any transaction so
 * that each look sees what the projection has committed since.
 */
@ApplicationScoped
public class BeneficiaryReferences {

    private final KnownBeneficiaryRepository beneficiaries;
    private final RegistryAccessLog accessLog;
    private final Duration wait;
    private final Duration poll;

    public BeneficiaryReferences(KnownBeneficiaryRepository beneficiaries, RegistryAccessLog accessLog,
            CpfConfig config) {
        this.beneficiaries = beneficiaries;
        this.accessLog = accessLog;
        this.wait = config.beneficiaries().registrationWait();
        this.poll = config.beneficiaries().registrationPoll();
    }

    public record Reference(UUID beneficiaryId, UUID structureId) {
    }

    /**
     * An erased person passes here: {@link #requireNotErased}, inside the use case, refuses them.
     *
     * @throws UnknownBeneficiaryException when the person is not of {@code structureId}, or still unknown after the wait
     */
    public Reference requireForWrite(UUID beneficiaryId, UUID structureId, UnknownBeneficiaryException.Location location) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Known> found = look(beneficiaryId);
            if (found.isPresent()) {
                Known known = found.get();
                if (!known.structureId().equals(structureId)) {
                    // another structure's person: answered at once, as an unknown one would be after the wait
                    throw new UnknownBeneficiaryException(beneficiaryId, location);
                }
                return new Reference(beneficiaryId, known.structureId());
            }
            if (System.nanoTime() >= deadline) {
                throw new UnknownBeneficiaryException(beneficiaryId, location);
            }
            sleep();
        }
    }

    /**
     * The erasure rule for every write about a person, on their account or through one of their training projects.
     * Call it in the use case's transaction before touching any of the person's records: the directory entry stays
     * share-locked until the transaction ends, so the erasure event, applied meanwhile, waits for the write (and
     * takes the entry before the projects whose free text it wipes, the same order, so neither waits for the other
     * in a cycle). A write that got here first is a fact from before the erasure; one that comes after the erasure
     * was applied is refused.
     *
     * @throws BeneficiaryErasedException once this service has seen the person's erasure
     */
    public void requireNotErased(UUID beneficiaryId) {
        beneficiaries.findByIdOptional(beneficiaryId, LockModeType.PESSIMISTIC_READ).filter(KnownBeneficiary::erased)
                .ifPresent(known -> {
                    throw new BeneficiaryErasedException(beneficiaryId, known.erasedOn());
                });
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

    private record Known(UUID structureId) {
    }

    private Optional<Known> look(UUID beneficiaryId) {
        return QuarkusTransaction.requiringNew().call(() -> beneficiaries.findByIdOptional(beneficiaryId)
                .map(known -> new Known(known.structureId())));
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a beneficiary registration", e);
        }
    }
}
