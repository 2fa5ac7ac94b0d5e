package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class Level1ContactResourceTest {

    private static final String ANONYMOUS_CALL = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\","
            + "\"request\":\"CPF_INFORMATION\",\"liaisonSheetIssued\":true}";

    @Test
    void aCounsellorRecordsAnAnonymousContactOfItsStructureAndItIsPublished() {
        UUID structure = UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(ANONYMOUS_CALL).post("/api/v1/cep/level1-contacts")
                .then().statusCode(201).body("structureId", equalTo(structure.toString()))
                .body("channel", equalTo("PHONE")).extract().path("id");

        given().auth().oauth2(TestTokens.manager(structure)).get("/api/v1/cep/level1-contacts/" + id)
                .then().statusCode(200).body("request", equalTo("CPF_INFORMATION"));
        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).get("/api/v1/cep/level1-contacts/" + id)
                .then().statusCode(404).contentType("application/problem+json");

        List<EventEnvelope> events = TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.CEP),
                e -> e.aggregateId().toString().equals(id));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventType()).isEqualTo("Level1ContactRecorded");
        assertThat(events.get(0).structureId()).isEqualTo(structure);
        assertThat(events.get(0).payload().get("beneficiaryId").isNull()).isTrue();
        assertThat(events.get(0).payload().get("contactDate").asText()).isEqualTo("2016-03-14");
    }

    @Test
    void badInputIsRejectedWithTheField() {
        UUID structure = UUID.randomUUID();
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(ANONYMOUS_CALL.replace("PHONE", "PIGEON")).post("/api/v1/cep/level1-contacts")
                .then().statusCode(400).body("violations.field", hasItem("channel"));
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(ANONYMOUS_CALL.replace("2016-03-14", "2999-01-01")).post("/api/v1/cep/level1-contacts")
                .then().statusCode(400).body("violations.field", hasItem("contactDate"));
    }

    @Test
    void onlyStructureRolesRecordContacts() {
        given().contentType(ContentType.JSON).body(ANONYMOUS_CALL).post("/api/v1/cep/level1-contacts")
                .then().statusCode(401);
        for (String token : List.of(TestTokens.analyst(), TestTokens.partner(), TestTokens.admin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ANONYMOUS_CALL)
                    .post("/api/v1/cep/level1-contacts").then().statusCode(403);
        }
    }
}
