package fr.capemploi.reporting.rest;


import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.domain.ActivityReport;
import fr.capemploi.reporting.domain.CnefopSurvey;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.service.Reports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Reports")
public class ReportResource {

    private final Reports reports;
    private final ReportingRequest request;

    public ReportResource(Reports reports, ReportingRequest request) {
        this.reports = reports;
        this.request = request;
    }

    @GET
    @Path("/cnefop/{period}")
    @Produces({MediaType.APPLICATION_JSON, SpreadsheetFiles.CSV, SpreadsheetFiles.XLSX})
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "The CNEFOP annual survey for a year (2016) or a half-year (2016-H1)",
            description = "The rows, French labels and coverage comments of the table the Cap emploi network returns "
                    + "to the CNEFOP. JSON by default; `Accept: text/csv` gives UTF-8 CSV with a byte-order mark, `;` "
                    + "separator and decimal comma (what a French Excel opens directly); `Accept: " + SpreadsheetFiles.XLSX
                    + "` gives a workbook whose figures are numeric cells. With `compareWith` (another year or "
                    + "half-year) the table has two period columns side by side, earlier first, as the network's "
                    + "table shows 2015 and 2016 (6 mois): JSON `{title, columns[{period, columnTitle}], rows[{"
                    + "indicatorId, label, cells[{period, value, display, comment, contributing, registered}]}]}` "
                    + "with one cell per column in the columns' order; CSV and XLSX columns `Question`, each "
                    + "period's figure, each period's comment, then each period's returns and registered structures. "
                    + "Title and labels are those of the later period.")
    @APIResponse(responseCode = "200", description = "The survey", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = {CnefopSchemas.Survey.class, CnefopSchemas.Comparison.class}), examples = {
                    @ExampleObject(name = "survey", value = """
                    {"period":"2016","columnTitle":"Année 2016","title":"Enquête mise en œuvre CEP rapport annuel \
                    CNEFOP 2016 : Nom de l'opérateur : Cap emploi Date : 31/05/2017","rows":[{"indicatorId":\
                    "declared-fte-level1-only","label":"Nombre de conseillers CEP en ETP intervenant uniquement sur le \
                    niveau 1 (*)","value":35.72,"display":"35,72","comment":"Données obtenues sur 65 retours de Cap \
                    emploi (sur 102)","contributing":65,"registered":102}]}"""),
                    @ExampleObject(name = "comparison", summary = "compareWith=2015 on 2016-H1", value = """
                    {"title":"Enquête mise en œuvre CEP rapport annuel CNEFOP 2016 : Nom de l'opérateur : Cap emploi \
                    Date : 31/05/2017","columns":[{"period":"2015","columnTitle":"Année 2015"},{"period":"2016-H1",\
                    "columnTitle":"Année 2016 (6 mois)"}],"rows":[{"indicatorId":"declared-fte-total","label":\
                    "Total ETP conseillers CEP :","cells":[{"period":"2015","value":638.67,"display":"638,67",\
                    "comment":"Données obtenues sur 64 retours de Cap emploi (sur 102)","contributing":64,\
                    "registered":102},{"period":"2016-H1","value":711.70,"display":"711,70","comment":"Données \
                    obtenues sur 65 retours de Cap emploi (sur 102)","contributing":65,"registered":102}]}]}""")}),
            @Content(mediaType = SpreadsheetFiles.CSV, examples = {@ExampleObject(name = "csv", value = """
                    Question;Année 2016;Commentaires;Retours de Cap emploi;Cap emploi enregistrés
                    Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1 (*);35,72;Données \
                    obtenues sur 65 retours de Cap emploi (sur 102);65;102"""),
                    @ExampleObject(name = "csv-comparison", summary = "compareWith=2015 on 2016-H1", value = """
                    Question;Année 2015;Année 2016 (6 mois);Commentaires Année 2015;Commentaires Année 2016 (6 mois);\
                    Retours de Cap emploi Année 2015;Cap emploi enregistrés Année 2015;Retours de Cap emploi Année \
                    2016 (6 mois);Cap emploi enregistrés Année 2016 (6 mois)
                    Total ETP conseillers CEP :;638,67;711,70;Données obtenues sur 64 retours de Cap emploi (sur \
                    102);Données obtenues sur 65 retours de Cap emploi (sur 102);64;102;65;102""")})})
    @APIResponse(responseCode = "400", description = "Not a year or half-year, or compareWith equal to the period",
            content = @Content(mediaType = "application/problem+json", examples = {
                    @ExampleObject(name = "bad-period", value = """
                    {"status":400,"title":"Invalid request","violations":[{"field":"period",\
                    "message":"must be a year (2016) or a half-year (2016-H1)"}]}"""),
                    @ExampleObject(name = "bad-compareWith", value = """
                    {"status":400,"title":"Invalid request","violations":[{"field":"compareWith",\
                    "message":"must be another period than 2016"}]}""")}))
    public Response cnefop(@PathParam("period") String period,
            @Parameter(description = "national (default), region or structure") @QueryParam("scope") String scope,
            @QueryParam("scopeId") String scopeId,
            @Parameter(description = ReportingRequest.AS_OF) @QueryParam("asOf")
            String asOf,
            @Parameter(description = "another year (2015) or half-year (2016-H1): adds its column beside the period's",
                    example = "2015") @QueryParam("compareWith") String compareWith,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportingRequest.Question asked = request.surveyQuestion(scope, scopeId, period, asOf);
        Scope resolved = asked.scope();
        ReportingPeriod surveyPeriod = asked.period();
        Instant asOfInstant = asked.asOf();
        // an empty value is what a form sends for "no comparison"
        if (compareWith != null && !compareWith.isBlank()) {
            return comparison(resolved, surveyPeriod, comparedPeriod(compareWith, surveyPeriod), asOfInstant, accept);
        }
        CnefopSurvey survey = reports.cnefop(resolved, surveyPeriod, asOfInstant, request.today());
        String file = "enquete-cnefop-cap-emploi-" + surveyPeriod.label();
        if (wants(accept, SpreadsheetFiles.XLSX)) {
            return download(SpreadsheetFiles.xlsx(survey), SpreadsheetFiles.XLSX, file + ".xlsx");
        }
        if (wants(accept, SpreadsheetFiles.CSV)) {
            return download(SpreadsheetFiles.csv(survey), SpreadsheetFiles.CSV + "; charset=UTF-8", file + ".csv");
        }
        return Response.ok(survey, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response comparison(Scope scope, ReportingPeriod period, ReportingPeriod compareWith, Instant asOf,
            String accept) {
        CnefopSurvey.Comparison comparison = reports.cnefopComparison(scope, period, compareWith, asOf,
                request.today());
        String file = "enquete-cnefop-cap-emploi-" + comparison.columns().get(0).period() + "-et-"
                + comparison.columns().get(1).period();
        if (wants(accept, SpreadsheetFiles.XLSX)) {
            return download(SpreadsheetFiles.xlsx(comparison), SpreadsheetFiles.XLSX, file + ".xlsx");
        }
        if (wants(accept, SpreadsheetFiles.CSV)) {
            return download(SpreadsheetFiles.csv(comparison), SpreadsheetFiles.CSV + "; charset=UTF-8", file + ".csv");
        }
        return Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A year or half-year other than the survey's own period. */
    private static ReportingPeriod comparedPeriod(String compareWith, ReportingPeriod period) {
        String value = compareWith.trim();
        if (!value.matches("^\\d{4}(-H[12])?$")) {
            throw new InvalidFieldException("compareWith", "must be a year (2015) or a half-year (2016-H1)");
        }
        if (value.equals(period.label())) {
            throw new InvalidFieldException("compareWith", "must be another period than " + period.label());
        }
        return ReportingPeriod.parse(value);
    }

    @GET
    @Path("/activity/{period}")
    @Produces({MediaType.APPLICATION_JSON, SpreadsheetFiles.CSV})
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "The quarterly activity report of a structure, a region or the nation",
            description = "Entries by orientation source, portfolio, exits by reason, CEP by level, PMSMP, alternance, "
                    + "trainings started and not implemented with their reasons, funding decisions and delays. Any "
                    + "period form is accepted (2016-Q3 usually). JSON by default, CSV with `Accept: text/csv`.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityReportResponse.class),
            examples = @ExampleObject(name = "report", value = """
                    {"period":"2016-Q4","asOf":"2017-03-31T21:59:59.999999Z","sections":[{"key":"pmsmp","title":"Périodes de mise en situation en milieu \
                    professionnel","lines":[{"key":"pmsmp-prescribed","label":"PMSMP prescrites","value":2951}]}]}""")))
    public Response activity(@PathParam("period") String period, @QueryParam("scope") String scope,
            @QueryParam("scopeId") String scopeId,
            @Parameter(description = ReportingRequest.AS_OF) @QueryParam("asOf") String asOf,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportingRequest.Question asked = request.question(scope, scopeId, period, asOf);
        ActivityReport report = reports.activity(asked.scope(), asked.period(), asked.asOf());
        if (wants(accept, SpreadsheetFiles.CSV)) {
            return download(SpreadsheetFiles.csv(report), SpreadsheetFiles.CSV + "; charset=UTF-8",
                    "rapport-activite-" + asked.period().label() + ".csv");
        }
        return Response.ok(ActivityReportResponse.of(report), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean wants(String accept, String mediaType) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(mediaType);
    }

    private static Response download(byte[] body, String mediaType, String fileName) {
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
