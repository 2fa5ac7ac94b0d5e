package fr.capemploi.cpf.service;

import fr.capemploi.cpf.config.CpfConfig;
import fr.capemploi.cpf.repository.KnownCounsellorRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a counsellor id against the counsellors announced for the caller's structure, as beneficiary-service checks
 * referents. A counsellor registered a moment ago may not have reached this service yet: the check waits for it as
 * long as a beneficiary's registration is waited for.
 */
@ApplicationScoped
public class CounsellorReferences {

    private final KnownCounsellorRepository counsellors;
    private final Duration wait;
    private final Duration poll;

    public CounsellorReferences(KnownCounsellorRepository counsellors, CpfConfig config) {
        this.counsellors = counsellors;
        this.wait = config.beneficiaries().registrationWait();
        this.poll = config.beneficiaries().registrationPoll();
    }

    /**
     * Call outside any transaction: it may wait. A null id (the field is optional) is not checked.
     *
     * @return the id, checked
     * @throws UnknownCounsellorException when it is not a counsellor of {@code structureId}
     */
    public UUID require(UUID counsellorId, UUID structureId) {
        if (counsellorId == null) {
            return null;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<UUID> structure = look(counsellorId);
        while (structure.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            structure = look(counsellorId);
        }
        if (structure.isEmpty() || !structure.get().equals(structureId)) {
            throw new UnknownCounsellorException(counsellorId);
        }
        return counsellorId;
    }

    private Optional<UUID> look(UUID counsellorId) {
        return QuarkusTransaction.requiringNew().call(() -> counsellors.findByIdOptional(counsellorId)
                .map(known -> known.structureId()));
    }
}
