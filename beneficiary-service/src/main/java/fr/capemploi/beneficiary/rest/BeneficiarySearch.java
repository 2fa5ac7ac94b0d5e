package fr.capemploi.beneficiary.rest;

import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A search in a body rather than a query string, for the NIR: a NIR in a URL would end up in proxy and browser
 * histories. Same filters as {@code GET /beneficiaries}.
 */
@Schema(name = "BeneficiarySearch")
public record BeneficiarySearch(
        @Size(max = 200) @Schema(examples = "helene martin", description = "Words of the name; case and accents ignored")
        String name,
        @Size(max = 30) @ValidNir @Schema(examples = "274027512345629") String nir,
        UUID structureId,
        UUID referentCounsellorId,
        StatusAtEntry statusAtEntry,
        ListedState state,
        OrientationSource orientationSource,
        LocalDate enteredFrom,
        LocalDate enteredTo,
        @Min(0) @Schema(examples = "0") Integer page,
        @Min(1) @Max(200) @Schema(examples = "20") Integer size) {

    /** The states a list can ask for; erased tombstones are never listed. */
    public enum ListedState { ACTIVE, EXITED }
}
