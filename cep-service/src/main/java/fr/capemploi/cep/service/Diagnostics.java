package fr.capemploi.cep.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cep.domain.Diagnostic;
import fr.capemploi.cep.domain.ServiceCorrespondence;
import fr.capemploi.cep.repository.DiagnosticRepository;
import fr.capemploi.events.cep.DiagnosticRecorded;
import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.domain.StructureRecords;
import fr.capemploi.platform.rest.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Records entry diagnostics and the service correspondence they lead to. */
@ApplicationScoped
public class Diagnostics {

    private final DiagnosticRepository diagnostics;
    private final BeneficiaryReferences beneficiaries;
    private final Outbox outbox;
    private final Clock clock;

    public Diagnostics(DiagnosticRepository diagnostics, BeneficiaryReferences beneficiaries, Outbox outbox,
            Clock clock) {
        this.diagnostics = diagnostics;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewDiagnostic(UUID structureId, UUID beneficiaryId, UUID counsellorId, LocalDate diagnosedOn,
            WorkAxis workAxis, List<Barrier> barriers, String recordedBy) {
    }

    /** Call {@link BeneficiaryReferences#require} first. */
    @Transactional
    public Diagnostic record(NewDiagnostic request) {
        beneficiaries.lockForWrite(request.beneficiaryId(), request.structureId());
        Diagnostic diagnostic = new Diagnostic(UUID.randomUUID(), request.structureId(), request.beneficiaryId(),
                request.counsellorId(), request.diagnosedOn(), request.workAxis(), request.barriers(), clock.instant(),
                request.recordedBy());
        diagnostics.persist(diagnostic);
        ServiceCorrespondence correspondence = diagnostic.correspondence();
        outbox.record(new DiagnosticRecorded(diagnostic.id(), diagnostic.beneficiaryId(), diagnostic.structureId(),
                diagnostic.counsellorId(), diagnostic.diagnosedOn(), diagnostic.workAxis(), diagnostic.barriers(),
                correspondence.capEmploiService(), correspondence.cep(), correspondence.cepLevel()),
                BusinessDay.startOf(diagnostic.diagnosedOn()));
        return diagnostic;
    }

    /** Another structure's diagnostic is answered as missing. */
    @Transactional
    public Diagnostic get(UUID structureId, UUID id) {
        return StructureRecords.requireIn(structureId, diagnostics.findByIdOptional(id), Diagnostic::structureId,
                "Diagnostic", id);
    }

    @Transactional
    public Page<Diagnostic> list(UUID structureId, UUID beneficiaryId, int page, int size) {
        var query = beneficiaryId == null
                ? diagnostics.find("structureId", Sort.descending("diagnosedOn"), structureId)
                : diagnostics.find("structureId = ?1 and beneficiaryId = ?2", Sort.descending("diagnosedOn"),
                        structureId, beneficiaryId);
        return new Page<>(query.page(page, size).list(), query.count(), page, size);
    }
}
