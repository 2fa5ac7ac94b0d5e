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
        @Schema(examples = "c.dupont@capemploi75.fr") String callerName,
        @Schema(examples = "counsellor") String callerRole,
        UUID callerStructureId) {

    static AccessLogEntryResponse of(AccessLogEntry entry) {
        return new AccessLogEntryResponse(entry.accessedAt(), entry.action(), entry.callerName(), entry.callerRole(),
                entry.callerStructureId());
    }
}
