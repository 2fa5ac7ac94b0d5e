package fr.capemploi.beneficiary.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.capemploi.beneficiary.domain.AccessAction;
import fr.capemploi.beneficiary.domain.AccessLogEntry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AccessLogEntry")
public record AccessLogEntryResponse(
        Instant at,
        AccessAction action,
        @Schema(maxLength = 200, examples = "c.dupont@capemploi75.fr") String callerName,
        @Schema(maxLength = 300, examples = "counsellor") String callerRole,
        UUID callerStructureId,
        @Schema(maxLength = 300, description = "For RECORD_READ, the record read in another service: service/kind/id",
                examples = "cep-service/accompaniment/7d1c2a4e-5b6f-4c3d-9e8f-0a1b2c3d4e5f") String record) {

    static AccessLogEntryResponse of(AccessLogEntry entry) {
        return new AccessLogEntryResponse(entry.accessedAt(), entry.action(), entry.callerName(), entry.callerRole(),
                entry.callerStructureId(), entry.record());
    }
}
