package fr.capemploi.beneficiary.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON merge patch of a counsellor: rename, deactivate (set activeUntil) or reactivate (activeUntil null). */
@Schema(name = "CounsellorChanges")
public record CounsellorChanges(
        @NotBlank @Size(max = 120) @Schema(examples = "Claire Dupont-Leroy") String displayName,
        @Schema(examples = "2016-09-30", description = "Last active day, inclusive; null reactivates") LocalDate activeUntil) {
}
