package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Erased means erased: once the registry's BeneficiaryErased (published on the real broker) reached this service,
 * every write about the person, on a new record or through one of their records, is 410 beneficiary-erased and leaves
 * every table and the outbox as they were. What was recorded before stays readable.
 */
@QuarkusTest
class ErasedBeneficiaryTest {

    private static final String BASE = "/api/v1/cep/accompaniments/";

    @Inject
    DataSource dataSource;

    private final CepFixtures fixtures = new CepFixtures();

    /** A person's CEP work recorded before their erasure: an open accompaniment with a PMSMP and a synthesis. */
    private record Story(UUID beneficiary, String diagnostic, String accompaniment, String action, String contact) {
    }

    private Story erasedStory() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String contact = fixtures.asCounsellor().body("{\"contactDate\":\"2016-02-16\",\"channel\":\"ON_SITE\","
                + "\"request\":\"CEP_INFORMATION\",\"beneficiaryId\":\"" + beneficiary + "\",\"counsellorId\":\""
                + fixtures.counsellor + "\",\"routedTo\":\"OPACIF\",\"liaisonSheetIssued\":true}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(201).extract().path("id");
        String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        String accompaniment = fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary
                + "\",\"diagnosticId\":\"" + diagnostic + "\",\"startDate\":\"2016-02-29\"}")
                .post("/api/v1/cep/accompaniments").then().statusCode(201).extract().path("id");
        String action = fixtures.pmsmp(accompaniment, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir préparateur de commandes\"}")
                .post(BASE + accompaniment + "/synthesis").then().statusCode(200);
        erase(beneficiary);
        return new Story(beneficiary, diagnostic, accompaniment, action, contact);
    }

    @Test
    void aLevel1ContactAboutThePersonIsRefused() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor().body("{\"contactDate\":\"2019-06-10\","
                + "\"channel\":\"PHONE\",\"request\":\"TRAINING_INFORMATION\",\"beneficiaryId\":\"" + story.beneficiary()
                + "\",\"liaisonSheetIssued\":false}").post("/api/v1/cep/level1-contacts"));
    }

    @Test
    void aDiagnosticIsRefused() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + story.beneficiary()
                + "\",\"diagnosedOn\":\"2019-06-10\",\"workAxis\":\"TRAINING_PROJECT\",\"barriers\":[]}")
                .post("/api/v1/cep/diagnostics"));
    }

    @Test
    void noAccompanimentIsOpenedFromADiagnosticMadeBefore() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.diagnostic(beneficiary, "TRAINING_PROJECT");
        erase(beneficiary);
        refused(beneficiary, () -> fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary
                + "\",\"diagnosticId\":\"" + diagnostic + "\",\"startDate\":\"2019-06-10\"}")
                .post("/api/v1/cep/accompaniments"));
    }

    @Test
    void theLevelDoesNotChange() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor().body("{\"level\":3,\"changedOn\":\"2019-06-10\"}")
                .post(BASE + story.accompaniment() + "/level"));
    }

    @Test
    void noCepInformationIsRecorded() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor().body("{\"informedOn\":\"2019-06-10\"}")
                .post(BASE + story.accompaniment() + "/cep-information"));
    }

    @Test
    void noInterviewIsRecorded() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor()
                .body("{\"heldOn\":\"2019-06-10\",\"durationMinutes\":45,\"mode\":\"PHONE\"}")
                .post(BASE + story.accompaniment() + "/interviews"));
    }

    @Test
    void noActionIsPlanned() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor().body("{\"kind\":\"ALTERNANCE\",\"plannedOn\":"
                + "\"2019-06-10\",\"alternanceContract\":\"APPRENTICESHIP\"}")
                .post(CepFixtures.actions(story.accompaniment())));
    }

    @Test
    void anActionIsNeitherDoneNorCancelled() {
        Story story = erasedStory();
        String action = CepFixtures.actions(story.accompaniment()) + "/" + story.action();
        refused(story.beneficiary(), () -> fixtures.asCounsellor()
                .body("{\"status\":\"DONE\",\"effectiveOn\":\"2019-06-10\"}").patch(action));
        refused(story.beneficiary(), () -> fixtures.asCounsellor()
                .body("{\"status\":\"CANCELLED\",\"effectiveOn\":\"2019-06-10\"}").patch(action));
    }

    @Test
    void noSynthesisIsIssued() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor()
                .body("{\"issuedOn\":\"2019-06-10\",\"project\":\"Reprendre une formation\"}")
                .post(BASE + story.accompaniment() + "/synthesis"));
    }

    @Test
    void theAccompanimentIsNotClosed() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> fixtures.asCounsellor()
                .body("{\"closedOn\":\"2019-06-10\",\"outcome\":\"NONE_OR_ABANDON\"}")
                .post(BASE + story.accompaniment() + "/close"));
    }

    @Test
    void theDocumentsMadeForThePersonAreGone() {
        Story story = erasedStory();
        for (String accept : new String[] {"application/pdf", "application/json"}) {
            refused(story.beneficiary(), () -> fixtures.asCounsellor().accept(accept)
                    .get(BASE + story.accompaniment() + "/synthesis-document"));
            refused(story.beneficiary(), () -> fixtures.asCounsellor().accept(accept)
                    .get("/api/v1/cep/liaison-sheets/" + story.contact()));
        }
        // another person's sheet of the same structure is not affected
        String anonymous = fixtures.routedContact();
        fixtures.asCounsellor().accept("application/json").get("/api/v1/cep/liaison-sheets/" + anonymous)
                .then().statusCode(200);
    }

    @Test
    void whatWasRecordedBeforeTheErasureStaysReadable() {
        Story story = erasedStory();
        fixtures.asCounsellor().get(BASE + story.accompaniment()).then().statusCode(200)
                .body("beneficiaryId", equalTo(story.beneficiary().toString())).body("level", equalTo(2));
        fixtures.asCounsellor().get(CepFixtures.actions(story.accompaniment())).then().statusCode(200)
                .body("$", hasSize(1));
        fixtures.asCounsellor().get("/api/v1/cep/level1-contacts/" + story.contact()).then().statusCode(200);
        fixtures.asCounsellor().get("/api/v1/cep/diagnostics/" + story.diagnostic()).then().statusCode(200);
        fixtures.asCounsellor().queryParam("beneficiaryId", story.beneficiary().toString())
                .get("/api/v1/cep/accompaniments").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theSameAnswerWhoeverAsksInTheStructure() {
        Story story = erasedStory();
        Response response = given().auth().oauth2(fixtures.managerToken()).contentType(ContentType.JSON).body("{\"informedOn\":\"2019-06-10\"}")
                .post(BASE + story.accompaniment() + "/cep-information");
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("Beneficiary " + story.beneficiary() + " was erased on 2019-06-03; nothing can be "
                        + "recorded about this person any more");
    }

    /** Publishes the erasure as the registry does and waits until this service has applied it. */
    private void erase(UUID beneficiary) {
        TestEvents.publish(new BeneficiaryErased(beneficiary, fixtures.structure, LocalDate.of(2019, 6, 3)),
                Instant.parse("2019-06-03T08:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "1".equals(scalar("SELECT count(*) FROM known_beneficiary WHERE beneficiary_id = ? "
                        + "AND erased_on IS NOT NULL", beneficiary)));
    }

    /** 410 beneficiary-erased, and not a row nor an outbox event more or changed. */
    private void refused(UUID beneficiary, Supplier<Response> write) {
        Map<String, String> before = footprint(beneficiary);
        Response response = write.get();
        response.then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("/beneficiary-erased")).body("title", equalTo("Beneficiary erased"))
                .body("status", equalTo(410));
        assertThat(footprint(beneficiary)).isEqualTo(before);
    }

    /** Every row about the person, by content, and how many events about them the outbox holds. */
    private Map<String, String> footprint(UUID beneficiary) {
        Map<String, String> rows = new LinkedHashMap<>();
        String ofAccompaniments = "accompaniment_id IN (SELECT id FROM accompaniment WHERE beneficiary_id = ?)";
        for (String[] table : new String[][] {{"level1_contact", "beneficiary_id = ?"},
                {"diagnostic", "beneficiary_id = ?"}, {"accompaniment", "beneficiary_id = ?"},
                {"level_change", ofAccompaniments}, {"interview", ofAccompaniments},
                {"action_item", ofAccompaniments}}) {
            rows.put(table[0], scalar("SELECT count(*) || ':' || coalesce(md5(string_agg(row_to_json(t)::text, ',' "
                    + "ORDER BY t.id)), '') FROM " + table[0] + " t WHERE " + table[1], beneficiary));
        }
        // rows, not content: the relay marks them sent meanwhile
        rows.put("outbox_event", scalar("SELECT count(*) FROM outbox_event "
                + "WHERE convert_from(envelope, 'UTF8') LIKE '%' || ? || '%'", beneficiary.toString()));
        return rows;
    }

    private String scalar(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
