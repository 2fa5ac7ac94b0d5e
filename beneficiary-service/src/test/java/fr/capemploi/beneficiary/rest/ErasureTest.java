package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The right to be forgotten: after DELETE the person cannot be found by name or NIR and nothing personal is left in
 * the database, while the pseudonymous history (events on the topic, consents, access log) still counts.
 */
@QuarkusTest
class ErasureTest {

    private static final List<String> PERSONAL_COLUMNS = List.of("last_name", "first_name", "search_key",
            "last_name_key", "first_name_key", "birth_date", "nir_ciphertext", "nir_hash", "france_travail_id", "email",
            "phone", "street", "postal_code", "city", "boe_type", "boe_valid_from", "boe_valid_until");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anErasedPersonIsGoneButTheirPseudonymousHistoryStays() throws SQLException {
        UUID structure = Fixtures.structure();
        UUID referent = Fixtures.counsellor(structure);
        String lastName = "Oubliée" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        Map<String, Object> person = Fixtures.person();
        person.put("lastName", lastName);
        String nir = (String) person.get("nir");
        String key = UUID.randomUUID().toString();
        person.put("structureId", structure.toString());
        String id = given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Fixtures.json(person)).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        UUID beneficiary = UUID.fromString(id);
        Fixtures.consent(beneficiary, structure, "DATA_PROCESSING");
        String counsellor = TestTokens.counsellor(structure);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON).body("{\"counsellorId\":\"" + referent + "\",\"assignedOn\":\"2016-10-03\"}")
                .put("/api/v1/beneficiaries/" + id + "/referent").then().statusCode(200);
        given().auth().oauth2(counsellor).queryParam("name", lastName).get("/api/v1/beneficiaries")
                .then().body("total", equalTo(1));
        assertThat(hashedRequests(beneficiary)).isEqualTo(1);

        given().auth().oauth2(TestTokens.manager(structure)).delete("/api/v1/beneficiaries/" + id).then().statusCode(204);

        // not found by name, nor by NIR, by any search
        given().auth().oauth2(counsellor).queryParam("name", lastName).get("/api/v1/beneficiaries")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(counsellor).contentType(ContentType.JSON).body("{\"nir\":\"" + nir + "\"}")
                .post("/api/v1/beneficiaries/search").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(counsellor).get("/api/v1/beneficiaries?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(counsellor).get("/api/v1/counsellors/" + referent + "/portfolio").then()
                .body("total", equalTo(0));

        // the record reads as a tombstone keeping only what events already carried
        Response tombstone = given().auth().oauth2(counsellor).get("/api/v1/beneficiaries/" + id);
        tombstone.then().statusCode(200).body("erased", equalTo(true)).body("state", equalTo("ERASED"))
                .body("birthYear", equalTo(1980)).body("sex", equalTo("FEMALE")).body("boe", equalTo(true))
                .body("orientationSource", equalTo("POLE_EMPLOI")).body("entryDate", equalTo("2016-02-15"))
                .body("referentCounsellorId", equalTo(referent.toString()));
        assertThat(tombstone.jsonPath().getMap("$")).doesNotContainKeys("lastName", "firstName", "birthDate", "nir",
                "franceTravailId", "contact", "boeRecognition");
        assertThat(tombstone.asString()).doesNotContain(lastName).doesNotContain(nir).doesNotContain("personne@example.fr");

        // and nothing personal is left in the database
        Map<String, Object> row = row("SELECT * FROM beneficiary WHERE id = ?", beneficiary);
        for (String column : PERSONAL_COLUMNS) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(row.get("state")).isEqualTo("ERASED");
        assertThat(hashedRequests(beneficiary)).isZero();

        // nothing can change it any more; a retried referral still answers the same pseudonymous id
        given().auth().oauth2(counsellor).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"lastName\":\"Retour\"}").patch("/api/v1/beneficiaries/" + id).then().statusCode(410);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON)
                .body("{\"exitDate\":\"2017-01-02\",\"reason\":\"MOVED\"}").post("/api/v1/beneficiaries/" + id + "/exit")
                .then().statusCode(410);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON)
                .body("{\"scope\":\"DATA_SHARING_WITH_PARTNERS\",\"givenOn\":\"2016-03-01\",\"modality\":\"SIGNED_FORM\"}")
                .post("/api/v1/beneficiaries/" + id + "/consents").then().statusCode(410);
        given().auth().oauth2(TestTokens.manager(structure)).delete("/api/v1/beneficiaries/" + id).then().statusCode(410)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Fixtures.json(person)).post("/api/v1/beneficiaries")
                .then().statusCode(201).body("id", equalTo(id)).header("Idempotent-Replayed", "true");
        // the NIR is free again: the person may come back, as a new record
        person.remove("structureId");
        Fixtures.beneficiary(structure, person);

        // the legal trace stays: consents and the access log, which names the erasure
        given().auth().oauth2(counsellor).get("/api/v1/beneficiaries/" + id + "/consents").then().statusCode(200)
                .body("scope", hasItem("DATA_PROCESSING"));
        given().auth().oauth2(TestTokens.manager(structure)).get("/api/v1/beneficiaries/" + id + "/access-log")
                .then().statusCode(200).body("items[0].action", equalTo("ERASE")).body("items.action", hasItem("CREATE"))
                .body("items[0]", not(hasKey("lastName")));

        // cep-service and cpf-service still serve the erased person's records and trace each read here, as the reader
        String record = UUID.randomUUID().toString();
        given().auth().oauth2(counsellor).contentType(ContentType.JSON)
                .body("{\"service\":\"cpf-service\",\"kind\":\"training-project\",\"recordId\":\"" + record + "\"}")
                .post("/api/v1/beneficiaries/" + id + "/access-log").then().statusCode(204);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON)
                .body("{\"service\":\"cpf-service\",\"kind\":\"whatever the reader typed\",\"recordId\":\"" + record
                        + "\"}").post("/api/v1/beneficiaries/" + id + "/access-log")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(TestTokens.manager(structure)).get("/api/v1/beneficiaries/" + id + "/access-log")
                .then().statusCode(200).body("items[0].action", equalTo("RECORD_READ"))
                .body("items[0].record", equalTo("cpf-service/training-project/" + record))
                .body("items[0].callerRole", equalTo("counsellor")).body("items[1].action", equalTo("ERASE"));

        // the reporting side still counts the history: the earlier events stay readable under the same id
        List<EventEnvelope> erased = Fixtures.awaitEvents("BeneficiaryErased", beneficiary);
        assertThat(erased).hasSize(1);
        assertThat(fieldNames(erased.get(0))).containsExactlyInAnyOrder("beneficiaryId", "structureId", "erasedOn");
        List<EventEnvelope> history = TopicProbe.events(Fixtures.topic()).stream()
                .filter(e -> e.payload().path("beneficiaryId").asText().equals(id)).toList();
        assertThat(history).extracting(EventEnvelope::eventType)
                .contains("BeneficiaryRegistered", "ConsentGiven", "ReferentAssigned", "BeneficiaryErased");
        EventEnvelope registered = history.stream().filter(e -> e.eventType().equals("BeneficiaryRegistered")).findFirst()
                .orElseThrow();
        assertThat(registered.payload().get("birthYear").asInt()).isEqualTo(1980);
        assertThat(registered.payload().get("orientationSource").asText()).isEqualTo("POLE_EMPLOI");
        for (EventEnvelope event : history) {
            assertThat(event.payload().toString()).doesNotContain(lastName).doesNotContain(nir)
                    .doesNotContain("personne@example.fr").doesNotContain("RQTH");
        }
    }

    private long hashedRequests(UUID beneficiary) throws SQLException {
        Map<String, Object> row = row("SELECT count(*) AS n FROM idempotent_response WHERE resource_id = ? "
                + "AND request_hash IS NOT NULL", beneficiary);
        return ((Number) row.get("n")).longValue();
    }

    private Map<String, Object> row(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                ResultSetMetaData meta = rows.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rows.getObject(i));
                }
                return row;
            }
        }
    }

    private static List<String> fieldNames(EventEnvelope event) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = event.payload().fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
