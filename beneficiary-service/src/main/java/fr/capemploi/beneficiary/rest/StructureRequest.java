package fr.capemploi.beneficiary.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StructureRequest", description = "A Cap emploi structure to add to the directory")
public record StructureRequest(
        @Size(max = 10) @NotBlank @Pattern(regexp = "^[0-9A-Z]{2,10}$", message = "must be 2 to 10 digits or capital letters")
        @Schema(examples = "075", description = "Code of the structure in the Cap emploi network") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Cap emploi Paris") String name,
        @Size(max = 2) @NotNull @Pattern(regexp = "^[0-9]{2}$", message = "must be an INSEE region code of two digits")
        @Schema(examples = "11", description = "INSEE region code") String region,
        @Size(max = 3) @NotNull @Pattern(regexp = "^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$",
                message = "must be a département code (01-95, 2A, 2B, 971-976)")
        @Schema(examples = "75") String department,
        @NotNull @PastOrPresent @Schema(examples = "2016-01-04", description = "Day the structure joined the network; "
                + "required: it dates the fact in the indicators (never filled in with today)") LocalDate registeredOn) {
}
