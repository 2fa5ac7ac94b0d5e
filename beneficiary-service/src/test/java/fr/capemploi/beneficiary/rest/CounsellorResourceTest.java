package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CounsellorResourceTest {

    @Test
    void anAdministratorManagesTheDirectoryAndEachChangeOfActivityIsPublished() {
        UUID structure = Fixtures.structure();
        Response created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"displayName\":\"  Claire Dupont \",\"activeFrom\":\"2016-01-04\"}")
                .post("/api/v1/structures/" + structure + "/counsellors");
        created.then().statusCode(201).header("ETag", "\"0\"").body("displayName", equalTo("Claire Dupont"))
                .body("active", equalTo(true)).body("structureId", equalTo(structure.toString()))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/counsellors/" + created.path("id")));
        UUID id = UUID.fromString(created.path("id"));
        String path = "/api/v1/counsellors/" + id;

        given().auth().oauth2(TestTokens.counsellor(structure)).get("/api/v1/structures/" + structure + "/counsellors")
                .then().statusCode(200).body("items.displayName", hasItem("Claire Dupont"));

        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .body("{\"activeUntil\":\"2016-09-30\"}").patch(path).then().statusCode(428);
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json").header("If-Match", "\"3\"")
                .body("{\"activeUntil\":\"2016-09-30\"}").patch(path).then().statusCode(412);
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"activeUntil\":\"2016-09-30\"}").patch(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("active", equalTo(false))
                .body("activeUntil", equalTo("2016-09-30")).body("displayName", equalTo("Claire Dupont"));

        given().auth().oauth2(TestTokens.analyst()).queryParam("active", "true")
                .get("/api/v1/structures/" + structure + "/counsellors").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        given().auth().oauth2(TestTokens.analyst()).queryParam("active", "false")
                .get("/api/v1/structures/" + structure + "/counsellors").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));

        // a person cannot be given an inactive referent
        UUID beneficiary = Fixtures.beneficiary(structure);
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"counsellorId\":\"" + id + "\",\"assignedOn\":\"2016-10-03\"}").put("/api/v1/beneficiaries/" + beneficiary + "/referent")
                .then().statusCode(400).body("violations.field", hasItem("counsellorId"));

        // a rename publishes nothing; clearing the end reactivates
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"displayName\":\"Claire Dupont-Leroy\",\"activeUntil\":null}").patch(path)
                .then().statusCode(200).body("active", equalTo(true)).body("displayName", equalTo("Claire Dupont-Leroy"));

        EventEnvelope registered = Fixtures.awaitEvents("CounsellorRegistered", id).get(0);
        assertThat(registered.structureId()).isEqualTo(structure);
        assertThat(registered.payload().get("activeFrom").asText()).isEqualTo("2016-01-04");
        assertThat(Fixtures.awaitEvents("CounsellorDeactivated", id).get(0).payload().get("activeUntil").asText())
                .isEqualTo("2016-09-30");
        assertThat(Fixtures.awaitEvents("CounsellorReactivated", id)).hasSize(1);
        // keyed by the structure: a consumer reads a structure's registration before its counsellors
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.records(Fixtures.topic());
        assertThat(records).filteredOn(r -> new String(r.value()).contains(id.toString()))
                .hasSize(3).extracting(ConsumerRecord::key).containsOnly(structure.toString());
        assertThat(records).filteredOn(r -> new String(r.value()).contains(id.toString()))
                .allSatisfy(r -> assertThat(new String(r.value())).doesNotContain("Claire"));
    }

    @Test
    void anUnknownStructureOrCounsellorIsNotFound() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"displayName\":\"X\",\"activeFrom\":\"2016-01-04\"}")
                .post("/api/v1/structures/" + UUID.randomUUID() + "/counsellors")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/structures/" + UUID.randomUUID() + "/counsellors")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/counsellors/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID()))
                .get("/api/v1/counsellors/" + UUID.randomUUID() + "/portfolio").then().statusCode(404);
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyCreatesOneCounsellor() {
        UUID structure = Fixtures.structure();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"displayName\":\"Paul Martin\",\"activeFrom\":\"2016-01-04\"}").post("/api/v1/structures/" + structure + "/counsellors")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"displayName\":\"Paul Martin\",\"activeFrom\":\"2016-01-04\"}").post("/api/v1/structures/" + structure + "/counsellors")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/structures/" + structure + "/counsellors")
                .then().body("total", equalTo(1));
    }
}
