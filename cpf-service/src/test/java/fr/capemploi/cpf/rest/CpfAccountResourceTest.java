package fr.capemploi.cpf.rest;

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
class CpfAccountResourceTest {

    @Test
    void presentingTheCpfIsRecordedOnceAndPublished() {
        UUID structure = UUID.randomUUID();
        UUID beneficiary = UUID.randomUUID();
        String path = "/api/v1/cpf/accounts/" + beneficiary + "/presentation";
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"presentedOn\":\"2016-05-02\"}").put(path)
                .then().statusCode(200).body("presentedOn", equalTo("2016-05-02"));
        // a later presentation keeps the first date and publishes nothing new
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"presentedOn\":\"2016-06-01\"}").put(path)
                .then().statusCode(200).body("presentedOn", equalTo("2016-05-02"));

        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).get("/api/v1/cpf/accounts/" + beneficiary)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.manager(structure)).get("/api/v1/cpf/accounts/" + beneficiary)
                .then().statusCode(200).body("structureId", equalTo(structure.toString()));

        List<EventEnvelope> events = TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.CPF),
                e -> e.aggregateId().equals(beneficiary));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventType()).isEqualTo("CpfPresented");
        assertThat(events.get(0).payload().get("presentedOn").asText()).isEqualTo("2016-05-02");
    }

    @Test
    void badInputAndWrongRolesAreRefused() {
        String path = "/api/v1/cpf/accounts/" + UUID.randomUUID() + "/presentation";
        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"presentedOn\":\"tomorrow\"}").put(path)
                .then().statusCode(400).body("violations.field", hasItem("presentedOn"));
        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{}").put(path)
                .then().statusCode(400).body("violations.field", hasItem("presentedOn"));
        given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON)
                .body("{\"presentedOn\":\"2016-05-02\"}").put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"presentedOn\":\"2016-05-02\"}").put(path).then().statusCode(401);
    }
}
