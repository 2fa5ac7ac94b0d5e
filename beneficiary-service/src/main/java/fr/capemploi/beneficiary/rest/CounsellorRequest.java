package fr.capemploi.beneficiary.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CounsellorRequest")
public record CounsellorRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "Claire Dupont") String displayName,
        @NotNull @Schema(examples = "2016-01-04", description = "First active day; required: it dates the fact in the indicators (never filled in with today)")
        LocalDate activeFrom) {
}
