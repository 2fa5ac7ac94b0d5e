package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.domain.rights.ActivityYear;
import fr.capemploi.cpf.domain.rights.RightsCalculator;
import fr.capemploi.cpf.domain.rights.TrainingPurchase;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stateless CPF rights calculator, open to partners: nothing is stored and nothing is published. */
@Path("/api/v1/cpf/rights/simulations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CPF rights calculator", description = "CPF rights from yearly activity, by the rules in force each year")
public class RightsSimulationResource {

    private final RightsCalculator calculator;

    public RightsSimulationResource(RightsCalculator calculator) {
        this.calculator = calculator;
    }

    @POST
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER, Roles.PARTNER})
    @Operation(summary = "Simulate CPF rights through time",
            description = "Hours from 2015 to 2018 (24 h/year up to 120 h then 12 h up to 150 h, pro rata of 1,607 h; "
                    + "48 h up to 400 h for low-qualified workers from 2017), converted at 15 €/h on 1 January 2019, "
                    + "then euros (500 €/year up to 5,000 €; 800 € up to 8,000 € for low-qualified, BOE and ESAT "
                    + "workers; pro rata below half-time). Rights of year N are credited in N + 1. With a training, "
                    + "the co-payment in force on its purchase date (since 2 May 2024). Each line names its rule.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "full-time-2015-2019", summary = "Full time from 2015 to 2019",
                    value = "{\"years\":[{\"year\":2015,\"hoursWorked\":1607},{\"year\":2016,\"hoursWorked\":1607},"
                            + "{\"year\":2017,\"hoursWorked\":1607},{\"year\":2018,\"hoursWorked\":1607},"
                            + "{\"year\":2019,\"hoursWorked\":1607}]}"),
            @ExampleObject(name = "boe-part-time-with-training", summary = "BOE at 0.4 FTE, a training in 2024",
                    value = "{\"years\":[{\"year\":2019,\"fteShare\":0.4,\"boe\":true},{\"year\":2020,\"fteShare\":0.4,"
                            + "\"boe\":true}],\"training\":{\"purchaseDate\":\"2024-09-02\",\"cost\":1500.00,"
                            + "\"jobSeeker\":false,\"employerCoFunding\":false}}")}))
    @APIResponse(responseCode = "200", description = "The simulation", content = @Content(
            schema = @Schema(implementation = SimulationResponse.class), examples = @ExampleObject(name = "one-year",
            value = "{\"lines\":[{\"kind\":\"CREDIT\",\"activityYear\":2019,\"creditYear\":2020,\"rule\":{"
                    + "\"id\":\"CPF-E-2019-BOE\",\"label\":\"Salarié bénéficiaire de l'obligation d'emploi (BOE) : "
                    + "500 € majorés de 300 €, soit 800 € par an jusqu'à 8 000 € ; au prorata en dessous d'un "
                    + "mi-temps\",\"source\":\"C. trav. art. L6323-11 al. 3 (Loi n° 2018-771 du 5 septembre 2018) ; "
                    + "Décret n° 2019-566 du 7 juin 2019 (C. trav. art. D6323-3-3)\"},\"unit\":\"EUROS\","
                    + "\"workShare\":1.0000,\"creditedHours\":null,\"creditedEuros\":800.00,\"capped\":false,"
                    + "\"balanceHours\":0,\"balanceEuros\":800.00,\"explanation\":\"Année 2019 : au moins un "
                    + "mi-temps, règle CPF-E-2019-BOE : 800 € ; crédité en 2020.\"}],\"balanceHours\":0,"
                    + "\"balanceEuros\":800.00,\"coPayment\":null}")))
    @APIResponse(responseCode = "400", description = "Invalid input, e.g. a year before the CPF", content = @Content(
            examples = @ExampleObject(
            name = "before-cpf", value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\","
                    + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"years[0].year: no CPF accrual rule "
                    + "covers 2014; the CPF starts with activity year 2015\",\"violations\":[{\"field\":"
                    + "\"years[0].year\",\"message\":\"no CPF accrual rule covers 2014; the CPF starts with activity "
                    + "year 2015\"}]}")))
    public SimulationResponse simulate(@Valid @NotNull SimulationRequest request) {
        List<ActivityYear> years = new ArrayList<>();
        for (int i = 0; i < request.years().size(); i++) {
            SimulationRequest.Year year = request.years().get(i);
            if (year.hoursWorked() != null && year.fteShare() != null) {
                throw new InvalidFieldException("years[" + i + "].fteShare", "give hoursWorked or fteShare, not both");
            }
            if (year.hoursWorked() == null && year.fteShare() == null && !year.esat()) {
                throw new InvalidFieldException("years[" + i + "].hoursWorked",
                        "give hoursWorked or fteShare (only an ESAT admission year needs neither)");
            }
            years.add(new ActivityYear(year.year(), year.hoursWorked(), year.fteShare(), year.lowQualified(),
                    year.boe(), year.esat()));
        }
        SimulationRequest.Training training = request.training();
        TrainingPurchase purchase = training == null ? null : new TrainingPurchase(training.purchaseDate(),
                training.cost(), training.jobSeeker(), training.employerCoFunding());
        return SimulationResponse.of(calculator.simulate(years, purchase));
    }
}
