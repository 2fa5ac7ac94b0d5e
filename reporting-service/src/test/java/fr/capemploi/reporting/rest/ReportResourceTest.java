package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The CNEFOP survey and the activity report over {@link ReportingScenario} in region 28, in every format. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportResourceTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String REGION = TestRegion.REPORT_RESOURCE.code;
    private ReportingScenario scenario;

    /** Once per class, but inside a test: RestAssured knows the application's port only then. */
    @BeforeEach
    void publishScenario() {
        if (scenario != null) {
            return;
        }
        scenario = new ReportingScenario(REGION).publish();
    }

    @Test
    void cnefopSurveyInJsonHasTheSeedsRowsAndCoverageComments() {
        JsonPath survey = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).accept("application/json").get("/api/v1/reports/cnefop/2016")
                .then().statusCode(200).extract().jsonPath();
        assertThat(survey.getString("columnTitle")).isEqualTo("Année 2016");
        assertThat(survey.getString("title")).startsWith("Enquête mise en œuvre CEP rapport annuel CNEFOP 2016 : "
                + "Nom de l'opérateur : Cap emploi Date : ");
        assertThat(survey.getList("rows.label", String.class)).containsExactly(
                "Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1 (*)",
                "Nombre de conseillers CEP en ETP intervenant uniquement sur les niveaux 2 et 3 (*)",
                "Nombre de conseillers CEP en ETP intervenant sur les 3 niveaux (*)",
                "Total ETP conseillers CEP :",
                "Quelle est la taille moyenne du portefeuille d'un conseiller CEP référent ?",
                "Nombre d'ETP n'intervenant pas directement comme conseiller CEP mais assurant une fonction support à "
                        + "la mise en œuvre du CEP (appui administratif, coordination, expert, etc..) (*)",
                "Avez-vous engagé en 2016 des actions de professionnalisation pour les professionnels mettant en "
                        + "œuvre le CEP ?",
                "Votre plan de formation prévoit-il une formation systématique pour tout nouveau conseiller "
                        + "intervenant sur le CEP ?",
                "Combien les conseillers CEP ont-ils eu de jours de formation spécifiques au CEP en moyenne en 2016 ?",
                "Mobilisez-vous, en dehors de votre plan de formation interne, une offre de formation dédiée au CEP "
                        + "mutualisée ou inter-opérateurs ? Si oui, précisez la nature de l'offre.");
        assertThat(survey.getList("rows.display", String.class)).containsExactly("3,00", "3,00", "5,25", "11,25", "1,33",
                "1,50", "Oui pour 50 % des Cap emploi ayant répondu", "Oui pour 50 % des Cap emploi ayant répondu",
                "2,50 jours par conseiller", "Oui pour 100 % des Cap emploi ayant répondu");
        List<String> comments = survey.getList("rows.comment", String.class);
        assertThat(comments.get(0)).isEqualTo("Données obtenues sur 2 retours de Cap emploi (sur 3)");
        assertThat(comments.get(3)).startsWith("Données obtenues sur 2 retours de Cap emploi (sur 3) (Attention");
        assertThat(comments.get(4)).endsWith("Données obtenues sur 2 Cap emploi (sur 3)");
        assertThat(comments.get(6)).startsWith("1 Cap emploi ont répondu oui et 1 Cap emploi ont répondu non concernant "
                + "les actions de professionnalisation :").contains("l'ingénierie financière de formation délivrée par "
                + "l'AFPA");
        assertThat(comments.get(8)).isEqualTo(
                "10,0 jours de formation ont été recensés par les 1 Cap emploi ayant répondu à la question (sur 3)");
        assertThat(comments.get(9)).startsWith("Données obtenues sur 1 retours de Cap emploi (sur 3)")
                .contains("SPRO");
    }

    @Test
    void cnefopSurveyForAHalfYearNobodyDeclaredSaysSo() {
        JsonPath survey = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).get("/api/v1/reports/cnefop/2016-H1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(survey.getString("columnTitle")).isEqualTo("Année 2016 (6 mois)");
        assertThat(survey.getString("rows[0].display")).isEqualTo("Non renseigné");
        assertThat(survey.getString("rows[0].comment")).isEqualTo("Aucun retour de Cap emploi (sur 3)");
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/reports/cnefop/2016-Q1").then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
    }

    @Test
    void cnefopSurveyAsCsvForFrenchSpreadsheets() {
        byte[] body = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).accept("text/csv").get("/api/v1/reports/cnefop/2016")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .extract().asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("Question", "Année 2016", "Commentaires", "Retours de Cap emploi",
                "Cap emploi enregistrés");
        assertThat(rows).hasSize(11);
        assertThat(rows.get(1)).containsExactly(
                "Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1 (*)", "3,00",
                "Données obtenues sur 2 retours de Cap emploi (sur 3)", "2", "3");
        assertThat(rows.get(4).get(1)).isEqualTo("11,25");
        // a multi-line comment survives quoting
        assertThat(rows.get(7).get(2)).contains("\n- ");
    }

    @Test
    void cnefopSurveyAsXlsxReadsBackWithNumericCells() throws IOException {
        byte[] body = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).accept(XLSX).get("/api/v1/reports/cnefop/2016")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("CNEFOP 2016");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Année 2016");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo("Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1 (*)");
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(11.25);
            assertThat(sheet.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(1.33);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue())
                    .isEqualTo("Données obtenues sur 2 retours de Cap emploi (sur 3)");
            assertThat(sheet.getRow(9).getCell(1).getStringCellValue())
                    .isEqualTo("Oui pour 50 % des Cap emploi ayant répondu");
            assertThat(sheet.getRow(12).getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(12).getCell(4).getNumericCellValue()).isEqualTo(3.0);
        }
    }

    @Test
    void activityReportInJsonAndCsv() {
        JsonPath report = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).get("/api/v1/reports/activity/2016").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("sections.key")).containsExactly("entries", "portfolio", "exits", "cep", "pmsmp",
                "alternance", "trainings", "funding");
        assertThat(line(report, "entries")).isEqualTo("4");
        assertThat(line(report, "entries.POLE_EMPLOI")).isEqualTo("2");
        assertThat(line(report, "portfolio.average")).isEqualTo("1.33");
        assertThat(line(report, "exits.SUSTAINABLE_JOB")).isEqualTo("1");
        assertThat(line(report, "cep-beneficiaries.level-3")).isEqualTo("2");
        assertThat(line(report, "pmsmp-prescribed")).isEqualTo("2");
        assertThat(line(report, "alternance-done.PROFESSIONALISATION")).isEqualTo("1");
        assertThat(line(report, "trainings-not-implemented.SLOW_CO_FUNDING_ANSWERS")).isEqualTo("1");
        assertThat(line(report, "funding-delay-median.AGEFIPH")).isEqualTo("30");

        byte[] csv = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).accept("text/csv").get("/api/v1/reports/activity/2016")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> rows = parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("Rubrique", "Code", "Libellé", "Valeur 2016");
        assertThat(rows).contains(List.of("Portefeuille", "portfolio.average", "Taille moyenne du portefeuille", "1,33"),
                List.of("Décisions et délais de financement", "funding-delay-p90", "Délai de réponse, 9e décile (jours)",
                        "28"));
    }

    @Test
    void aManagerGetsItsOwnStructuresReportOnly() {
        given().auth().oauth2(TestTokens.manager(scenario.structureB)).get("/api/v1/reports/activity/2016")
                .then().statusCode(200).body("sections.find { it.key == 'pmsmp' }.lines.find { it.key == 'pmsmp-done' }"
                        + ".value", equalTo(1));
        given().auth().oauth2(TestTokens.manager(scenario.structureB)).queryParam("scope", "region")
                .queryParam("scopeId", REGION).get("/api/v1/reports/activity/2016").then().statusCode(403);
        given().auth().oauth2(TestTokens.partner()).get("/api/v1/reports/cnefop/2016").then().statusCode(403);
    }

    private static String line(JsonPath report, String key) {
        List<java.util.Map<String, Object>> lines = report.getList("sections.lines.flatten()");
        Object value = lines.stream().filter(l -> key.equals(l.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key)).get("value");
        return new java.math.BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString();
    }

    /** RFC 4180 with {@code ;}: quoted fields may hold separators, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // CRLF: the \n ends the row
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
