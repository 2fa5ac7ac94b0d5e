package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.Diagnostic;
import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Diagnostic")
public record DiagnosticResponse(UUID id, UUID structureId, UUID beneficiaryId, UUID counsellorId,
        LocalDate diagnosedOn, WorkAxis workAxis, @Schema(maxItems = 20) List<Barrier> barriers,
        ServiceCorrespondenceResponse serviceCorrespondence) {

    static DiagnosticResponse of(Diagnostic diagnostic) {
        return new DiagnosticResponse(diagnostic.id(), diagnostic.structureId(), diagnostic.beneficiaryId(),
                diagnostic.counsellorId(), diagnostic.diagnosedOn(), diagnostic.workAxis(), diagnostic.barriers(),
                ServiceCorrespondenceResponse.of(diagnostic.correspondence()));
    }
}
