package fr.capemploi.beneficiary.rest;

import jakarta.validation.constraints.Size;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A read of one of the person's records in another service, to be traced in the person's access log. Names only:
 * the log must not become a copy of what was read, so no free text is accepted.
 */
@Schema(name = "RecordRead")
public record RecordReadRequest(
        @Size(max = 40) @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") @Schema(examples = "cep-service") String service,
        @Size(max = 40) @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") @Schema(examples = "accompaniment") String kind,
        @NotNull UUID recordId) {

    String record() {
        return service + "/" + kind + "/" + recordId;
    }
}
