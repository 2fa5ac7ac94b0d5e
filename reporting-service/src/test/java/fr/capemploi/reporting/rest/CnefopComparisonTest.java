package fr.capemploi.reporting.rest;

import static fr.capemploi.reporting.messaging.UpstreamEvents.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CNEFOP survey with two period columns (2015 beside 2016 (6 mois), as the network's table) over declarations of
 * three structures of region 94 for two periods, and a referent's portfolio that grows between them:
 * <ul>
 * <li>2015: A declares (total 10,50 ETP, support 1,00, actions yes, systematic training yes, 6 days for 3
 * counsellors, mutualised offer yes via SPRO), B declares (total 4,00, support 0,50, everything no, no training days);
 * C does not. Portfolio of A's referent at 31/12/2015: 1 person.</li>
 * <li>2016-H1: only A declares (total 12,00, support 0,75, actions yes, systematic training no, 9 days for 2
 * counsellors, mutualised offer unanswered). Portfolio at 30/06/2016: 2 people.</li>
 * </ul>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CnefopComparisonTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String REGION = TestRegion.CNEFOP_COMPARISON.code;
    private static final String PATH = "/api/v1/reports/cnefop/{period}";

    private final UUID structureA = UUID.randomUUID();
    private final UUID structureB = UUID.randomUUID();
    private final UUID structureC = UUID.randomUUID();
    private boolean published;

    /** Once per class, but inside a test: RestAssured knows the application's port only then. */
    @BeforeEach
    void publishDeclarations() {
        if (published) {
            return;
        }
        for (UUID structure : List.of(structureA, structureB, structureC)) {
            publish(new StructureRegistered(structure, "K" + structure.toString().substring(0, 5), "Cap emploi test",
                    REGION, "2A", d("2014-01-01")));
        }
        UUID referent = UUID.randomUUID();
        publish(new CounsellorRegistered(referent, structureA, d("2014-01-01")));
        publish(person(UUID.randomUUID(), structureA, referent, "2015-03-01"));
        publish(person(UUID.randomUUID(), structureA, referent, "2016-02-01"));

        publish(new OperatorDeclarationSubmitted(UUID.randomUUID(), structureA, "2015", d("2015-01-01"),
                d("2015-12-31"), 1, null, d("2016-05-01"), 1.25, 2.0, 7.25, 10.5, 1.0, true,
                List.of(ProfessionalisationAction.HANDI_FORMATION), true, 6.0, 3, true, true,
                List.of(MutualisedOfferNature.SPRO), true, true, true, false, true, true));
        publish(new OperatorDeclarationSubmitted(UUID.randomUUID(), structureB, "2015", d("2015-01-01"),
                d("2015-12-31"), 1, null, d("2016-05-02"), 0.5, 1.5, 2.0, 4.0, 0.5, false, List.of(), false, null,
                null, false, false, List.of(), false, null, null, true, null, null));
        publish(new OperatorDeclarationSubmitted(UUID.randomUUID(), structureA, "2016-H1", d("2016-01-01"),
                d("2016-06-30"), 1, null, d("2016-09-01"), 1.5, 2.5, 8.0, 12.0, 0.75, true,
                List.of(ProfessionalisationAction.INTERNAL_WITH_CEP_KIT), false, 9.0, 2, true, null, List.of(), true,
                true, true, false, true, true));
        ReportingScenario.awaitApplied();
        published = true;
    }

    @Test
    void jsonHasBothColumnsEarlierFirstEachWithItsOwnValueDisplayAndComment() {
        JsonPath comparison = analyst().queryParam("compareWith", "2015").get(PATH, "2016-H1")
                .then().statusCode(200).extract().jsonPath();

        assertThat(comparison.getList("columns.period", String.class)).containsExactly("2015", "2016-H1");
        assertThat(comparison.getList("columns.columnTitle", String.class))
                .containsExactly("Année 2015", "Année 2016 (6 mois)");
        assertThat(comparison.getString("title"))
                .startsWith("Enquête mise en œuvre CEP rapport annuel CNEFOP 2016 : Nom de l'opérateur : Cap emploi");
        assertThat(comparison.getList("rows")).hasSize(10);

        assertThat(displays(comparison, "declared-fte-total")).containsExactly("14,50", "12,00");
        assertThat(values(comparison, "declared-fte-total")).containsExactly("14.5", "12");
        assertThat(comments(comparison, "declared-fte-total")).satisfiesExactly(
                c -> assertThat(c).startsWith("Données obtenues sur 2 retours de Cap emploi (sur 3) (Attention"),
                c -> assertThat(c).startsWith("Données obtenues sur 1 retours de Cap emploi (sur 3) (Attention"));
        assertThat(displays(comparison, "declared-fte-level1-only")).containsExactly("1,75", "1,50");
        assertThat(displays(comparison, "declared-fte-support")).containsExactly("1,50", "0,75");
        assertThat(displays(comparison, "average-portfolio")).containsExactly("1,00", "2,00");
        assertThat(comments(comparison, "average-portfolio")).allSatisfy(
                c -> assertThat(c).endsWith("Données obtenues sur 1 Cap emploi (sur 3)"));
        assertThat(displays(comparison, "professionalisation-actions")).containsExactly(
                "Oui pour 50 % des Cap emploi ayant répondu", "Oui pour 100 % des Cap emploi ayant répondu");
        assertThat(comments(comparison, "professionalisation-actions")).satisfiesExactly(
                c -> assertThat(c).startsWith("1 Cap emploi ont répondu oui et 1 Cap emploi ont répondu non"),
                c -> assertThat(c).startsWith("1 Cap emploi ont répondu oui et 0 Cap emploi ont répondu non"));
        assertThat(displays(comparison, "systematic-training")).containsExactly(
                "Oui pour 50 % des Cap emploi ayant répondu", "Oui pour 0 % des Cap emploi ayant répondu");
        assertThat(displays(comparison, "cep-training-days-per-counsellor"))
                .containsExactly("2,00 jours par conseiller", "4,50 jours par conseiller");
        assertThat(comments(comparison, "cep-training-days-per-counsellor")).containsExactly(
                "6,0 jours de formation ont été recensés par les 1 Cap emploi ayant répondu à la question (sur 3)",
                "9,0 jours de formation ont été recensés par les 1 Cap emploi ayant répondu à la question (sur 3)");
        assertThat(displays(comparison, "mutualised-offer-used"))
                .containsExactly("Oui pour 50 % des Cap emploi ayant répondu", "Non renseigné");
        assertThat(comments(comparison, "mutualised-offer-used")).satisfiesExactly(
                c -> assertThat(c).startsWith("Données obtenues sur 2 retours de Cap emploi (sur 3)").contains("SPRO"),
                c -> assertThat(c).isEqualTo("Aucun retour de Cap emploi (sur 3)"));
        List<Map<String, Object>> mutualised = cells(comparison, "mutualised-offer-used");
        assertThat(mutualised.get(1).get("value")).isNull();
        assertThat(mutualised).extracting(c -> c.get("contributing")).containsExactly(2, 0);
        assertThat(mutualised).extracting(c -> c.get("registered")).containsExactly(3, 3);
    }

    @Test
    void eachColumnIsTheOnePeriodSurveyAndTheLabelsAreTheLaterPeriods() {
        JsonPath comparison = analyst().queryParam("compareWith", "2016-H1").get(PATH, "2015")
                .then().statusCode(200).extract().jsonPath();
        JsonPath year2015 = analyst().get(PATH, "2015").then().statusCode(200).extract().jsonPath();
        JsonPath half2016 = analyst().get(PATH, "2016-H1").then().statusCode(200).extract().jsonPath();

        // the path's period comes second here: columns stay in time order
        assertThat(comparison.getList("columns.period", String.class)).containsExactly("2015", "2016-H1");
        assertThat(comparison.getList("rows.label")).isEqualTo(half2016.getList("rows.label"));
        assertThat(comparison.getList("rows.indicatorId")).isEqualTo(half2016.getList("rows.indicatorId"));
        for (String field : List.of("display", "comment", "contributing", "registered")) {
            assertThat(comparison.getList("rows.collect { it.cells[0]." + field + " }")).as(field)
                    .isEqualTo(year2015.getList("rows." + field));
            assertThat(comparison.getList("rows.collect { it.cells[1]." + field + " }")).as(field)
                    .isEqualTo(half2016.getList("rows." + field));
        }
        // the one-column answer has no trace of the comparison
        assertThat(half2016.getMap("$")).containsOnlyKeys("period", "columnTitle", "title", "asOf", "rows");
    }

    @Test
    void overlappingAndSameYearPeriodsGetDistinctColumns() {
        JsonPath halves = analyst().queryParam("compareWith", "2016-H1").get(PATH, "2016-H2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(halves.getList("columns.columnTitle", String.class))
                .containsExactly("Année 2016 (1er semestre)", "Année 2016 (2e semestre)");
        assertThat(displays(halves, "declared-fte-total")).containsExactly("12,00", "Non renseigné");

        JsonPath overlapping = analyst().queryParam("compareWith", "2016-H1").get(PATH, "2016")
                .then().statusCode(200).extract().jsonPath();
        assertThat(overlapping.getList("columns.period", String.class)).containsExactly("2016-H1", "2016");
        assertThat(overlapping.getList("columns.columnTitle", String.class))
                .containsExactly("Année 2016 (6 mois)", "Année 2016");
    }

    @Test
    void csvHasBothColumnsForFrenchSpreadsheets() {
        byte[] body = analyst().queryParam("compareWith", "2015").accept("text/csv").get(PATH, "2016-H1")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo(
                        "attachment; filename=\"enquete-cnefop-cap-emploi-2015-et-2016-H1.csv\""))
                .extract().asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = ReportResourceTest.parseCsv(new String(body, 3, body.length - 3,
                StandardCharsets.UTF_8));
        assertThat(rows).hasSize(11);
        assertThat(rows.get(0)).containsExactly("Question", "Année 2015", "Année 2016 (6 mois)",
                "Commentaires Année 2015", "Commentaires Année 2016 (6 mois)",
                "Retours de Cap emploi Année 2015", "Cap emploi enregistrés Année 2015",
                "Retours de Cap emploi Année 2016 (6 mois)", "Cap emploi enregistrés Année 2016 (6 mois)");
        assertThat(rows.get(1)).containsExactly(
                "Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1 (*)", "1,75", "1,50",
                "Données obtenues sur 2 retours de Cap emploi (sur 3)",
                "Données obtenues sur 1 retours de Cap emploi (sur 3)", "2", "3", "1", "3");
        assertThat(rows.get(4).subList(0, 3)).containsExactly("Total ETP conseillers CEP :", "14,50", "12,00");
        assertThat(rows.get(5).subList(1, 3)).containsExactly("1,00", "2,00");
        // multi-line comments survive quoting, each in its period's column
        assertThat(rows.get(7).get(3)).startsWith("1 Cap emploi ont répondu oui et 1").contains("\n- ");
        assertThat(rows.get(7).get(4)).startsWith("1 Cap emploi ont répondu oui et 0").contains("\n- ");
        assertThat(rows.get(10).subList(1, 3)).containsExactly("Oui pour 50 % des Cap emploi ayant répondu",
                "Non renseigné");
        assertThat(rows.get(10).get(3)).startsWith("Données obtenues sur 2 retours de Cap emploi (sur 3)")
                .contains("SPRO");
        assertThat(rows.get(10).subList(4, 9)).containsExactly("Aucun retour de Cap emploi (sur 3)", "2", "3", "0",
                "3");
    }

    @Test
    void xlsxHasTheSameColumnsWithNumericCells() throws IOException {
        byte[] body = analyst().queryParam("compareWith", "2015").accept(XLSX).get(PATH, "2016-H1")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("CNEFOP 2015 et 2016-H1");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("CNEFOP 2016");
            List<String> headers = List.of("Question", "Année 2015", "Année 2016 (6 mois)", "Commentaires Année 2015",
                    "Commentaires Année 2016 (6 mois)", "Retours de Cap emploi Année 2015",
                    "Cap emploi enregistrés Année 2015", "Retours de Cap emploi Année 2016 (6 mois)",
                    "Cap emploi enregistrés Année 2016 (6 mois)");
            for (int c = 0; c < headers.size(); c++) {
                assertThat(sheet.getRow(2).getCell(c).getStringCellValue()).isEqualTo(headers.get(c));
            }
            // row 6: total FTE; row 7: portfolio
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Total ETP conseillers CEP :");
            assertThat(sheet.getRow(6).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(14.5);
            assertThat(sheet.getRow(6).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(6).getCell(2).getNumericCellValue()).isEqualTo(12.0);
            assertThat(sheet.getRow(6).getCell(3).getStringCellValue())
                    .startsWith("Données obtenues sur 2 retours de Cap emploi (sur 3)");
            assertThat(sheet.getRow(6).getCell(4).getStringCellValue())
                    .startsWith("Données obtenues sur 1 retours de Cap emploi (sur 3)");
            assertThat(sheet.getRow(6).getCell(5).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(6).getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(6).getCell(7).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(6).getCell(8).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(7).getCell(2).getNumericCellValue()).isEqualTo(2.0);
            // shares and unanswered rows keep their text
            assertThat(sheet.getRow(12).getCell(1).getStringCellValue())
                    .isEqualTo("Oui pour 50 % des Cap emploi ayant répondu");
            assertThat(sheet.getRow(12).getCell(2).getStringCellValue()).isEqualTo("Non renseigné");
            assertThat(sheet.getRow(12).getCell(4).getStringCellValue())
                    .isEqualTo("Aucun retour de Cap emploi (sur 3)");
            assertThat(sheet.getRow(11).getCell(2).getStringCellValue()).isEqualTo("4,50 jours par conseiller");
        }
    }

    @Test
    void aMalformedOrSameCompareWithIsRefusedNamingItAndRolesApply() {
        for (String bad : List.of("2016-Q1", "2015-03", "deux mille", "2015-H3", "2016-H1")) {
            analyst().queryParam("compareWith", bad).get(PATH, "2016-H1").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("compareWith"));
        }
        // empty, as a form sends "no comparison": the one-column survey
        analyst().queryParam("compareWith", "").get(PATH, "2016-H1").then().statusCode(200)
                .body("columnTitle", equalTo("Année 2016 (6 mois)"));
        given().auth().oauth2(TestTokens.manager(structureA)).queryParam("compareWith", "2015")
                .get(PATH, "2016-H1").then().statusCode(200).body("columns.period", equalTo(List.of("2015", "2016-H1")))
                .body("rows.find { it.indicatorId == 'declared-fte-total' }.cells.display",
                        equalTo(List.of("10,50", "12,00")));
        given().auth().oauth2(TestTokens.partner()).queryParam("compareWith", "2015").get(PATH, "2016-H1")
                .then().statusCode(403);
    }

    @Test
    void theComparisonIsDocumentedInOpenApi() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String get = "paths.'/api/v1/reports/cnefop/{period}'.get";
        assertThat(openApi.getList(get + ".parameters.name", String.class)).contains("compareWith");
        assertThat(openApi.getMap(get + ".responses.'200'.content.'application/json'.examples"))
                .containsKeys("survey", "comparison");
        assertThat(openApi.getMap(get + ".responses.'200'.content.'text/csv'.examples"))
                .containsKeys("csv", "csv-comparison");
        assertThat(openApi.getList(get + ".responses.'200'.content.'application/json'.schema.anyOf")).hasSize(2);
        assertThat(openApi.getMap(get + ".responses.'400'.content.'application/problem+json'.examples"))
                .containsKeys("bad-period", "bad-compareWith");
        assertThat(openApi.getMap("components.schemas.Comparison.properties")).containsKeys("title", "columns", "rows");
    }

    private static RequestSpecification analyst() {
        return given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region").queryParam("scopeId", REGION)
                .accept("application/json");
    }

    private static List<Map<String, Object>> cells(JsonPath comparison, String indicatorId) {
        return comparison.getList("rows.find { it.indicatorId == '" + indicatorId + "' }.cells");
    }

    private static List<String> displays(JsonPath comparison, String indicatorId) {
        return cells(comparison, indicatorId).stream().map(c -> (String) c.get("display")).toList();
    }

    private static List<String> comments(JsonPath comparison, String indicatorId) {
        return cells(comparison, indicatorId).stream().map(c -> (String) c.get("comment")).toList();
    }

    private static List<String> values(JsonPath comparison, String indicatorId) {
        return cells(comparison, indicatorId).stream()
                .map(c -> new java.math.BigDecimal(String.valueOf(c.get("value"))).stripTrailingZeros().toPlainString())
                .toList();
    }

    private static void publish(DomainEvent event) {
        TestEvents.publish(event, LocalDate.of(2015, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }
}
