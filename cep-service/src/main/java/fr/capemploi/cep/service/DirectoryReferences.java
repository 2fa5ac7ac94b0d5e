package fr.capemploi.cep.service;

import fr.capemploi.cep.config.CepConfig;
import fr.capemploi.cep.domain.KnownCounsellor;
import fr.capemploi.cep.domain.KnownTrainingProject;
import fr.capemploi.cep.domain.UnknownReference;
import fr.capemploi.cep.repository.KnownCounsellorRepository;
import fr.capemploi.cep.repository.KnownTrainingProjectRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Counsellors (from {@code beneficiary.events}) and CPF training projects (from {@code cpf.events}) a request names:
 * they must exist in the caller's structure, as beneficiary-service checks it for referents (audit finding: any id
 * was accepted, which also corrupted "counsellors delivering CEP"). Same answer as for an unknown beneficiary: 404
 * {@code unknown-reference} naming the field, another structure's record being the same 404. Like beneficiaries, a
 * record the other service has just created may not have arrived yet: the check waits for it, for the same bounded time.
 */
@ApplicationScoped
public class DirectoryReferences {

    private final KnownCounsellorRepository counsellors;
    private final KnownTrainingProjectRepository projects;
    private final Duration timeout;
    private final Duration poll;

    public DirectoryReferences(KnownCounsellorRepository counsellors, KnownTrainingProjectRepository projects,
            CepConfig config) {
        this.counsellors = counsellors;
        this.projects = projects;
        this.timeout = config.beneficiaries().arrivalTimeout();
        this.poll = config.beneficiaries().arrivalPoll();
    }

    /** Call outside any transaction: it may wait. A null id (optional field left out) is not checked. */
    public void requireCounsellor(UUID counsellorId, UUID structureId, String field) {
        if (counsellorId == null) {
            return;
        }
        Optional<KnownCounsellor> counsellor = await(() -> counsellors.findByIdOptional(counsellorId));
        if (counsellor.isEmpty() || !structureId.equals(counsellor.get().structureId())) {
            throw new UnknownReference(field, "Counsellor", counsellorId);
        }
    }

    /** The project must be of the caller's structure and of the person the action plan is about. */
    public void requireTrainingProject(UUID projectId, UUID structureId, UUID beneficiaryId, String field) {
        if (projectId == null) {
            return;
        }
        Optional<KnownTrainingProject> project = await(() -> projects.findByIdOptional(projectId));
        if (project.isEmpty() || !structureId.equals(project.get().structureId())
                || !project.get().beneficiaryId().equals(beneficiaryId)) {
            throw new UnknownReference(field, "CPF training project", projectId);
        }
    }

    private <T> Optional<T> await(Supplier<Optional<T>> lookup) {
        Optional<T> found = QuarkusTransaction.requiringNew().call(lookup::get);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (found.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
                found = QuarkusTransaction.requiringNew().call(lookup::get);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found;
    }
}
