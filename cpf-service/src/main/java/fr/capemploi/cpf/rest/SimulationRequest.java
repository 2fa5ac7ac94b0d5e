package fr.capemploi.cpf.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CpfRightsSimulationRequest", description = "A person's yearly activity, and optionally a training to buy")
public record SimulationRequest(
        @NotNull @Size(min = 1, max = 80) List<@Valid @NotNull Year> years,
        @Valid Training training) {

    @Schema(name = "CpfActivityYear", description = "Give hoursWorked or fteShare (not both); an ESAT admission year "
            + "needs neither")
    public record Year(
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2019") Integer year,
            @DecimalMin("0.00") @Digits(integer = 5, fraction = 2)
            @Schema(examples = "1607", description = "Hours paid in the year; 1,607 h is a full-time year")
            BigDecimal hoursWorked,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
            @Schema(examples = "0.8", description = "Share of a full-time year") BigDecimal fteShare,
            @Schema(description = "No diploma of level 3 (CAP/BEP) or above") boolean lowQualified,
            @Schema(description = "Bénéficiaire de l'obligation d'emploi") boolean boe,
            @Schema(description = "Admitted in an ESAT during the year") boolean esat) {
    }

    @Schema(name = "CpfTrainingPurchase")
    public record Training(
            @NotNull @Schema(examples = "2024-09-02") LocalDate purchaseDate,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) @Schema(examples = "1500.00") BigDecimal cost,
            @Schema(description = "The holder is a job seeker (exempt from the co-payment)") boolean jobSeeker,
            @Schema(description = "The employer tops the CPF up for this training (exempt from the co-payment)")
            boolean employerCoFunding) {
    }
}
