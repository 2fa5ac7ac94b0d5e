package fr.capemploi.cpf.service;

import fr.capemploi.cpf.config.CpfConfig;
import fr.capemploi.cpf.repository.KnownBeneficiaryRepository;
import fr.capemploi.platform.problem.ConflictException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
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
    private final Duration wait;
    private final Duration poll;

    public BeneficiaryReferences(KnownBeneficiaryRepository beneficiaries, CpfConfig config) {
        this.beneficiaries = beneficiaries;
        this.wait = config.beneficiaries().registrationWait();
        this.poll = config.beneficiaries().registrationPoll();
    }

    public record Reference(UUID beneficiaryId, UUID structureId) {
    }

    /**
     * @throws UnknownBeneficiaryException when the person is not of {@code structureId}, or still unknown after the wait
     * @throws ConflictException           when the person's data was erased: nothing new is recorded about them
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
                if (known.erasedOn() != null) {
                    throw new ConflictException("Beneficiary " + beneficiaryId + " was erased on " + known.erasedOn()
                            + "; nothing new can be recorded about this person");
                }
                return new Reference(beneficiaryId, known.structureId());
            }
            if (System.nanoTime() >= deadline) {
                throw new UnknownBeneficiaryException(beneficiaryId, location);
            }
            sleep();
        }
    }

    private record Known(UUID structureId, LocalDate erasedOn) {
    }

    private Optional<Known> look(UUID beneficiaryId) {
        return QuarkusTransaction.requiringNew().call(() -> beneficiaries.findByIdOptional(beneficiaryId)
                .map(known -> new Known(known.structureId(), known.erasedOn())));
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
