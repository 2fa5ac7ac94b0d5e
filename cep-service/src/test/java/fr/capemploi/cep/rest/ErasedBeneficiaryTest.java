package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.testsupport.ErasedPersonChecks;
import fr.capemploi.testsupport.RegistryAccessLogStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Erased means erased: once the registry's BeneficiaryErased (published on the real broker) reached this service,
 * every write about the person, on a new record or through one of their records, is 410 beneficiary-erased and leaves
 * every table and the outbox as they were. What was recorded before stays readable.
 */
@QuarkusTest
class ErasedBeneficiaryTest {

    private static final String BASE = "/api/v1/cep/accompaniments/";

    private static final LocalDate ERASED_ON = LocalDate.of(2019, 6, 3);

    private final CepFixtures fixtures = new CepFixtures();
    private ErasedPersonChecks checks;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void checksOnThisServicesTables() {
        String ofAccompaniments = "accompaniment_id IN (SELECT id FROM accompaniment WHERE beneficiary_id = ?)";
        checks = new ErasedPersonChecks(dataSource, new String[] {"level1_contact", "beneficiary_id = ?"},
                new String[] {"diagnostic", "beneficiary_id = ?"}, new String[] {"accompaniment", "beneficiary_id = ?"},
                new String[] {"level_change", ofAccompaniments}, new String[] {"interview", ofAccompaniments},
                new String[] {"action_item", ofAccompaniments});
    }

    /** A person's CEP work recorded before their erasure: an open accompaniment with a PMSMP and a synthesis. */
    private record Story(UUID beneficiary, String diagnostic, String accompaniment, String action, String contact) {

        String fill(String text) {
            return text.replace("{b}", beneficiary.toString()).replace("{a}", accompaniment).replace("{x}", action);
        }
    }

    private Story erasedStory() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String contact = fixtures.asCounsellor().body("{\"contactDate\":\"2016-02-16\",\"channel\":\"ON_SITE\","
                + "\"request\":\"CEP_INFORMATION\",\"beneficiaryId\":\"" + beneficiary + "\",\"counsellorId\":\""
                + fixtures.counsellor + "\",\"routedTo\":\"OPACIF\",\"liaisonSheetIssued\":true}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(201).extract().path("id");
        String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        String accompaniment = fixtures.open(beneficiary, diagnostic);
        String action = fixtures.pmsmp(accompaniment, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir préparateur de commandes\"}")
                .post(BASE + accompaniment + "/synthesis").then().statusCode(200);
        checks.erase(beneficiary, fixtures.structure, ERASED_ON);
        return new Story(beneficiary, diagnostic, accompaniment, action, contact);
    }

    /**
     * Every write through the person's records, each on an erased story of its own: what | method | path | body,
     * where {b} is the person, {a} their accompaniment and {x} its planned action.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a level-1 contact about the person | POST  | /api/v1/cep/level1-contacts | {"contactDate":"2019-06-10","channel":"PHONE","request":"TRAINING_INFORMATION","beneficiaryId":"{b}","liaisonSheetIssued":false}
            a diagnostic                       | POST  | /api/v1/cep/diagnostics     | {"beneficiaryId":"{b}","diagnosedOn":"2019-06-10","workAxis":"TRAINING_PROJECT","barriers":[]}
            a level change                     | POST  | /api/v1/cep/accompaniments/{a}/level           | {"level":3,"changedOn":"2019-06-10"}
            CEP information                    | POST  | /api/v1/cep/accompaniments/{a}/cep-information | {"informedOn":"2019-06-10"}
            an interview                       | POST  | /api/v1/cep/accompaniments/{a}/interviews      | {"heldOn":"2019-06-10","durationMinutes":45,"mode":"PHONE"}
            a planned action                   | POST  | /api/v1/cep/accompaniments/{a}/actions         | {"kind":"ALTERNANCE","plannedOn":"2019-06-10","alternanceContract":"APPRENTICESHIP"}
            the action done                    | PATCH | /api/v1/cep/accompaniments/{a}/actions/{x}     | {"status":"DONE","effectiveOn":"2019-06-10"}
            the action cancelled               | PATCH | /api/v1/cep/accompaniments/{a}/actions/{x}     | {"status":"CANCELLED","effectiveOn":"2019-06-10"}
            a synthesis                        | POST  | /api/v1/cep/accompaniments/{a}/synthesis       | {"issuedOn":"2019-06-10","project":"Reprendre une formation"}
            the closure                        | POST  | /api/v1/cep/accompaniments/{a}/close           | {"closedOn":"2019-06-10","outcome":"NONE_OR_ABANDON"}
            """)
    void aWriteAboutThePersonIsRefused(String write, String method, String path, String body) {
        Story story = erasedStory();
        checks.refused(story.beneficiary(), () -> fixtures.asCounsellor().body(story.fill(body))
                .request(method, story.fill(path)));
    }

    /** An erasure seen before the registration (platform rule, as in cpf-service): a tombstone, refused at once. */
    @Test
    void anErasureWhoseRegistrationWasNeverSeenLeavesATombstone() {
        UUID unseen = UUID.randomUUID();
        checks.erasedBeforeItsRegistrationArrived(unseen, fixtures.structure, ERASED_ON,
                CepFixtures.registration(unseen, fixtures.structure, fixtures.counsellor));
        checks.refused(unseen, () -> fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + unseen
                + "\",\"diagnosedOn\":\"2019-06-10\",\"workAxis\":\"TRAINING_PROJECT\",\"barriers\":[]}")
                .post("/api/v1/cep/diagnostics"));
    }

    @Test
    void noAccompanimentIsOpenedFromADiagnosticMadeBefore() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.diagnostic(beneficiary, "TRAINING_PROJECT");
        checks.erase(beneficiary, fixtures.structure, ERASED_ON);
        checks.refused(beneficiary, () -> fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary
                + "\",\"diagnosticId\":\"" + diagnostic + "\",\"startDate\":\"2019-06-10\"}")
                .post("/api/v1/cep/accompaniments"));
    }

    @Test
    void theDocumentsMadeForThePersonAreGone() {
        Story story = erasedStory();
        for (String accept : new String[] {"application/pdf", "application/json"}) {
            checks.refused(story.beneficiary(), () -> fixtures.asCounsellor().accept(accept)
                    .get(BASE + story.accompaniment() + "/synthesis-document"));
            checks.refused(story.beneficiary(), () -> fixtures.asCounsellor().accept(accept)
                    .get("/api/v1/cep/liaison-sheets/" + story.contact()));
        }
        // another person's sheet of the same structure is not affected
        String anonymous = fixtures.routedContact();
        fixtures.asCounsellor().accept("application/json").get("/api/v1/cep/liaison-sheets/" + anonymous)
                .then().statusCode(200);
    }

    @Test
    void whatWasRecordedBeforeTheErasureStaysReadableAndEachReadIsInThePersonsAccessLog() {
        Story story = erasedStory();
        assertThat(RegistryAccessLogStub.entries(story.beneficiary())).isEmpty();
        fixtures.asCounsellor().get(BASE + story.accompaniment()).then().statusCode(200)
                .body("beneficiaryId", equalTo(story.beneficiary().toString())).body("level", equalTo(2));
        fixtures.asCounsellor().get(CepFixtures.actions(story.accompaniment())).then().statusCode(200)
                .body("$", hasSize(1));
        fixtures.asCounsellor().get(CepFixtures.actions(story.accompaniment()) + "/" + story.action())
                .then().statusCode(200);
        fixtures.asCounsellor().get(BASE + story.accompaniment() + "/interviews").then().statusCode(200);
        fixtures.asCounsellor().get("/api/v1/cep/level1-contacts/" + story.contact()).then().statusCode(200);
        given().auth().oauth2(fixtures.managerToken()).get("/api/v1/cep/diagnostics/" + story.diagnostic())
                .then().statusCode(200);
        fixtures.asCounsellor().queryParam("beneficiaryId", story.beneficiary().toString())
                .get("/api/v1/cep/accompaniments").then().statusCode(200).body("total", equalTo(1));

        // each read of a record, in beneficiary-service's log of the person, under the reader's own token
        String accompaniment = "cep-service/accompaniment/" + story.accompaniment();
        assertThat(RegistryAccessLogStub.entries(story.beneficiary()))
                .extracting(RegistryAccessLogStub.Entry::record, RegistryAccessLogStub.Entry::callerName)
                .containsExactly(tuple(accompaniment, counsellorName()), tuple(accompaniment, counsellorName()),
                        tuple(accompaniment, counsellorName()), tuple(accompaniment, counsellorName()),
                        tuple("cep-service/level1-contact/" + story.contact(), counsellorName()),
                        tuple("cep-service/diagnostic/" + story.diagnostic(),
                                "manager-" + fixtures.structure + "@test.cepcpf.fr"));
    }

    @Test
    void aReadTheRegistryCannotTraceIsNotServed() {
        Story story = erasedStory();
        RegistryAccessLogStub.failWith(500);
        try {
            fixtures.asCounsellor().get(BASE + story.accompaniment()).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", endsWith("/registry-unavailable")).body("beneficiaryId", nullValue());
        } finally {
            RegistryAccessLogStub.failWith(0);
        }
        // a person not erased: nothing to trace, the registry is not asked
        UUID other = fixtures.registeredBeneficiary();
        fixtures.asCounsellor().get("/api/v1/cep/diagnostics/" + fixtures.diagnostic(other, "JOB_SEARCH"))
                .then().statusCode(200);
        assertThat(RegistryAccessLogStub.entries(other)).isEmpty();
    }

    private String counsellorName() {
        return "counsellor-" + fixtures.structure + "@test.cepcpf.fr";
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
}
