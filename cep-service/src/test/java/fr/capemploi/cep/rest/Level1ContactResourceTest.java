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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class Level1ContactResourceTest {


    @Test
    void aCounsellorRecordsAnAnonymousContactOfItsStructureAndItIsPublished() {
        UUID structure = UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(CepFixtures.ANONYMOUS_CALL).post("/api/v1/cep/level1-contacts")
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
        assertThat(events.get(0).schemaVersion()).isEqualTo(1);
        assertThat(events.get(0).structureId()).isEqualTo(structure);
        assertThat(events.get(0).payload().get("beneficiaryId").isNull()).isTrue();
        assertThat(events.get(0).payload().get("contactDate").asText()).isEqualTo("2016-03-14");
    }

    @Test
    void aRegisteredPersonRoutedToAnotherOperatorIsPublishedTwiceInOrder() {
        CepFixtures fixtures = new CepFixtures();
        UUID beneficiary = fixtures.registeredBeneficiary();
        String id = fixtures.asCounsellor().body("{\"contactDate\":\"2016-03-15\",\"channel\":\"ON_SITE\","
                + "\"request\":\"CEP_INFORMATION\",\"beneficiaryId\":\"" + beneficiary + "\",\"counsellorId\":\""
                + fixtures.counsellor + "\",\"routedTo\":\"APEC\",\"liaisonSheetIssued\":true}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(201)
                .body("routedTo", equalTo("APEC")).body("beneficiaryId", equalTo(beneficiary.toString()))
                .extract().path("id");

        TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.CEP),
                e -> e.aggregateId().toString().equals(id) && e.eventType().equals("Level1ContactRouted"));
        var records = TopicProbe.records(PlatformTestResource.topic(Topics.CEP)).stream()
                .filter(r -> r.key().equals(beneficiary.toString()))
                .sorted(Comparator.comparingLong(r -> r.offset())).toList();
        List<EventEnvelope> events = records.stream().map(r -> fr.capemploi.events.EventCodec.fromBytes(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("Level1ContactRecorded", "Level1ContactRouted");
        assertThat(events.get(0).payload().get("counsellorId").asText()).isEqualTo(fixtures.counsellor.toString());
        assertThat(events.get(0).payload().get("liaisonSheetIssued").asBoolean()).isTrue();
        assertThat(events.get(1).payload().get("routedTo").asText()).isEqualTo("APEC");
        assertThat(events.get(1).payload().get("routedOn").asText()).isEqualTo("2016-03-15");

        fixtures.asCounsellor().queryParam("beneficiaryId", beneficiary.toString()).get("/api/v1/cep/level1-contacts")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        fixtures.asCounsellor().queryParam("from", "2016-03-16").queryParam("beneficiaryId", beneficiary.toString())
                .get("/api/v1/cep/level1-contacts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAnonymousContactCarriesNoPersonalDataAtAll() {
        UUID structure = UUID.randomUUID();
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(CepFixtures.ANONYMOUS_CALL.replace("{", "{\"lastName\":\"Martin\","))
                .post("/api/v1/cep/level1-contacts").then().statusCode(400).body("violations.field", hasItem("lastName"));
    }

    @Test
    void aLiaisonSheetNamesTheOperatorThePersonIsRoutedTo() {
        UUID structure = UUID.randomUUID();
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(CepFixtures.ANONYMOUS_CALL.replace("false", "true")).post("/api/v1/cep/level1-contacts")
                .then().statusCode(400).body("violations.field", hasItem("routedTo"));
        given().auth().oauth2(TestTokens.counsellor(structure)).get("/api/v1/cep/level1-contacts")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
