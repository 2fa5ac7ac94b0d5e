package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.ServiceCorrespondence;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceCorrespondence", description = "The Cap emploi service a work axis leads to, and its CEP level "
        + "if it is a CEP service: project elaboration → level 2, training project → level 3; disability-related "
        + "barriers, job search and job retention → not CEP")
public record ServiceCorrespondenceResponse(WorkAxis workAxis, CapEmploiService capEmploiService,
        @Schema(description = "True when the service is CEP") boolean cep,
        @Schema(description = "2 or 3; absent when not CEP") Integer cepLevel,
        @Schema(maxLength = 4000) String explanation) {

    static ServiceCorrespondenceResponse of(ServiceCorrespondence correspondence) {
        return new ServiceCorrespondenceResponse(correspondence.workAxis(), correspondence.capEmploiService(),
                correspondence.cep(), correspondence.cepLevel(), correspondence.explanation());
    }
}
