package fr.capemploi.cep.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The action plan's rules over HTTP: PMSMP limits and the attributes each kind needs. */
@QuarkusTest
class ActionPlanResourceTest {

    private final CepFixtures fixtures = new CepFixtures();

    @Test
    void aPmsmpLastsAtMostOneCalendarMonth() {
        String id = fixtures.accompaniment();
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-03-10", "2016-04-09", null))
                .post(CepFixtures.actions(id)).then().statusCode(201).body("endDate", equalTo("2016-04-09"));
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-03-10", "2016-04-10", null))
                .post(CepFixtures.actions(id)).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("endDate"))
                .body("detail", containsString("2016-04-09"));
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-03-10", "2016-03-09", null))
                .post(CepFixtures.actions(id)).then().statusCode(400).body("violations.field", hasItem("endDate"));
    }

    @Test
    void aPmsmpIsRenewableOnceForTheSamePurpose() {
        String id = fixtures.accompaniment();
        String first = fixtures.pmsmp(id, "2016-03-14", "2016-04-08");

        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-01", "2016-04-20", first))
                .post(CepFixtures.actions(id)).then().statusCode(400).body("violations.field", hasItem("startDate"));
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-11", first))
                .post(CepFixtures.actions(id)).then().statusCode(400).body("violations.field", hasItem("endDate"));
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-06", first)
                .replace("DISCOVER_JOB", "START_RECRUITMENT")).post(CepFixtures.actions(id))
                .then().statusCode(400).body("violations.field", hasItem("pmsmpPurpose"));

        String renewal = fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-06", first))
                .post(CepFixtures.actions(id)).then().statusCode(201).body("renewalOf", equalTo(first))
                .extract().path("id");

        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-05-09", "2016-06-03", first))
                .post(CepFixtures.actions(id)).then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("renewalOf")).body("detail", containsString("renewable once"));
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-05-09", "2016-06-03", renewal))
                .post(CepFixtures.actions(id)).then().statusCode(409)
                .body("violations.field", hasItem("renewalOf")).body("detail", containsString("renewable once"));

        // a cancelled renewal frees the one renewal allowed
        fixtures.asCounsellor().body("{\"status\":\"CANCELLED\",\"effectiveOn\":\"2016-04-05\"}")
                .patch(CepFixtures.actions(id) + "/" + renewal).then().statusCode(200);
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-18", "2016-05-13", first))
                .post(CepFixtures.actions(id)).then().statusCode(201);
    }

    @Test
    void onlyALivePmsmpOfTheSameAccompanimentCanBeRenewed() {
        String id = fixtures.accompaniment();
        String cancelled = fixtures.pmsmp(id, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body("{\"status\":\"CANCELLED\",\"effectiveOn\":\"2016-03-10\"}")
                .patch(CepFixtures.actions(id) + "/" + cancelled).then().statusCode(200);
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-06", cancelled))
                .post(CepFixtures.actions(id)).then().statusCode(409).body("violations.field", hasItem("renewalOf"));

        String vae = fixtures.asCounsellor().body("{\"kind\":\"VAE\",\"plannedOn\":\"2016-03-02\"}")
                .post(CepFixtures.actions(id)).then().statusCode(201).extract().path("id");
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-06", vae))
                .post(CepFixtures.actions(id)).then().statusCode(400).body("violations.field", hasItem("renewalOf"));

        String elsewhere = fixtures.pmsmp(fixtures.accompaniment(), "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-06", elsewhere))
                .post(CepFixtures.actions(id)).then().statusCode(404).body("violations.field", hasItem("renewalOf"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "PMSMP without purpose | {\"kind\":\"PMSMP\",\"plannedOn\":\"2016-03-01\",\"startDate\":\"2016-03-14\",\"endDate\":\"2016-03-20\"} | pmsmpPurpose",
            "PMSMP without dates | {\"kind\":\"PMSMP\",\"plannedOn\":\"2016-03-01\",\"pmsmpPurpose\":\"CONFIRM_PROJECT\"} | startDate",
            "PMSMP without end | {\"kind\":\"PMSMP\",\"plannedOn\":\"2016-03-01\",\"startDate\":\"2016-03-14\",\"pmsmpPurpose\":\"CONFIRM_PROJECT\"} | endDate",
            "alternance without contract | {\"kind\":\"ALTERNANCE\",\"plannedOn\":\"2016-03-01\"} | alternanceContract",
            "training without CPF project | {\"kind\":\"TRAINING\",\"plannedOn\":\"2016-03-01\"} | cpfTrainingProjectId",
            "VAE with a PMSMP purpose | {\"kind\":\"VAE\",\"plannedOn\":\"2016-03-01\",\"pmsmpPurpose\":\"DISCOVER_JOB\"} | pmsmpPurpose",
            "skills assessment with a host | {\"kind\":\"SKILLS_ASSESSMENT\",\"plannedOn\":\"2016-03-01\",\"hostName\":\"ACME\"} | hostName",
            "prestation with a contract | {\"kind\":\"PRESTATION\",\"plannedOn\":\"2016-03-01\",\"alternanceContract\":\"APPRENTICESHIP\"} | alternanceContract",
            "partial certification with a CPF project | {\"kind\":\"PARTIAL_CERTIFICATION\",\"plannedOn\":\"2016-03-01\",\"cpfTrainingProjectId\":\"c6f5d1a2-8a1e-4f0b-9d55-5a1f3e9b7c10\"} | cpfTrainingProjectId",
            "other with a renewal | {\"kind\":\"OTHER\",\"plannedOn\":\"2016-03-01\",\"renewalOf\":\"c6f5d1a2-8a1e-4f0b-9d55-5a1f3e9b7c10\"} | renewalOf",
            "end without start | {\"kind\":\"OTHER\",\"plannedOn\":\"2016-03-01\",\"endDate\":\"2016-03-20\"} | startDate",
            "start before prescription | {\"kind\":\"OTHER\",\"plannedOn\":\"2016-03-10\",\"startDate\":\"2016-03-01\"} | startDate",
            "planned before the accompaniment | {\"kind\":\"OTHER\",\"plannedOn\":\"2016-02-01\"} | plannedOn",
            "bad SIRET | {\"kind\":\"PMSMP\",\"plannedOn\":\"2016-03-01\",\"startDate\":\"2016-03-14\",\"endDate\":\"2016-03-20\",\"pmsmpPurpose\":\"DISCOVER_JOB\",\"hostSiret\":\"12345\"} | hostSiret",
            "unknown kind | {\"kind\":\"INTERNSHIP\",\"plannedOn\":\"2016-03-01\"} | kind",
            "unknown purpose | {\"kind\":\"PMSMP\",\"plannedOn\":\"2016-03-01\",\"pmsmpPurpose\":\"HOLIDAY\"} | pmsmpPurpose",
            "unknown contract | {\"kind\":\"ALTERNANCE\",\"plannedOn\":\"2016-03-01\",\"alternanceContract\":\"INTERIM\"} | alternanceContract"})
    void eachKindSaysWhatItNeedsAndNothingElse(String name, String body, String field) {
        String id = fixtures.accompaniment();
        fixtures.asCounsellor().body(body).post(CepFixtures.actions(id)).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
        fixtures.asCounsellor().get(CepFixtures.actions(id)).then().statusCode(200).body("size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"VAE", "PARTIAL_CERTIFICATION", "SKILLS_ASSESSMENT", "PRESTATION", "OTHER"})
    void kindsWithoutAttributesNeedOnlyADate(String kind) {
        String id = fixtures.accompaniment();
        fixtures.asCounsellor().body("{\"kind\":\"" + kind + "\",\"plannedOn\":\"2016-03-01\",\"startDate\":\"2016-03-07\","
                + "\"counsellorId\":\"" + fixtures.counsellor + "\"}").post(CepFixtures.actions(id))
                .then().statusCode(201).body("kind", equalTo(kind)).body("status", equalTo("PLANNED"));
    }
}
