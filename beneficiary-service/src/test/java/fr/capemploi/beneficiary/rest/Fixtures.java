package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Builds what the tests need through the public API, as a front end or a partner would: structures, counsellors,
 * people. Every structure is new, so tests sharing the database never see each other's records.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static UUID structure() {
        // codes after the "T..." of the structure tests, so that their first page stays theirs
        String code = "Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        Response created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Cap emploi " + code + "\",\"region\":\"53\","
                        + "\"department\":\"35\",\"registeredOn\":\"2015-01-05\"}")
                .post("/api/v1/structures").then().statusCode(201).extract().response();
        return JsonAnswer.id(created, "/id");
    }

    public static UUID counsellor(UUID structureId) {
        return counsellor(structureId, "2015-01-05");
    }

    public static UUID counsellor(UUID structureId, String activeFrom) {
        Response created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Conseiller " + UUID.randomUUID().toString().substring(0, 6) + "\","
                        + "\"activeFrom\":\"" + activeFrom + "\"}")
                .post("/api/v1/structures/" + structureId + "/counsellors").then().statusCode(201).extract().response();
        return JsonAnswer.id(created, "/id");
    }

    /** A valid registration with a random NIR; tests change or remove fields of the map as they need. */
    public static Map<String, Object> person() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", "personne@example.fr");
        contact.put("phone", "0612345678");
        contact.put("address", new LinkedHashMap<>(Map.of("street", "3 rue de la Gare", "postalCode", "35000",
                "city", "Rennes")));
        Map<String, Object> boe = new LinkedHashMap<>();
        boe.put("type", "RQTH");
        boe.put("validFrom", "2014-03-01");
        boe.put("validUntil", "2019-02-28");
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("lastName", "Durand");
        person.put("firstName", "Camille");
        person.put("birthDate", "1980-05-17");
        person.put("sex", "FEMALE");
        person.put("nir", randomNir());
        person.put("franceTravailId", "1234567A");
        person.put("contact", contact);
        person.put("statusAtEntry", "JOB_SEEKER");
        person.put("boeRecognition", boe);
        person.put("qualificationLevel", "LEVEL_4");
        person.put("inactivityMonths", 9);
        person.put("orientationSource", "POLE_EMPLOI");
        person.put("entryDate", "2016-02-15");
        return person;
    }

    public static String randomNir() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String thirteen = "%d%02d%02d%02d%03d%03d".formatted(random.nextInt(1, 3), random.nextInt(0, 100),
                random.nextInt(1, 13), random.nextInt(1, 96), random.nextInt(1, 1000), random.nextInt(1, 1000));
        return thirteen + "%02d".formatted(Nir.controlKey(thirteen));
    }

    /** Registers a person as a counsellor of the structure and returns the id. */
    public static UUID beneficiary(UUID structureId, Map<String, Object> person) {
        Response created = given().auth().oauth2(TestTokens.counsellor(structureId)).contentType(ContentType.JSON)
                .body(json(person)).post("/api/v1/beneficiaries").then().statusCode(201).extract().response();
        return JsonAnswer.id(created, "/id");
    }

    public static UUID beneficiary(UUID structureId) {
        return beneficiary(structureId, person());
    }

    public static String etag(UUID beneficiaryId, UUID structureId) {
        return given().auth().oauth2(TestTokens.counsellor(structureId)).get("/api/v1/beneficiaries/" + beneficiaryId)
                .then().statusCode(200).extract().header("ETag");
    }

    public static String counsellorEtag(UUID counsellorId) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/counsellors/" + counsellorId)
                .then().statusCode(200).extract().header("ETag");
    }

    public static UUID consent(UUID beneficiaryId, UUID structureId, String scope) {
        Response created = given().auth().oauth2(TestTokens.counsellor(structureId)).contentType(ContentType.JSON)
                .body("{\"scope\":\"" + scope + "\",\"givenOn\":\"2016-02-15\",\"modality\":\"SIGNED_FORM\"}")
                .post("/api/v1/beneficiaries/" + beneficiaryId + "/consents").then().statusCode(201).extract()
                .response();
        return JsonAnswer.id(created, "/id");
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String topic() {
        return PlatformTestResource.topic(Topics.BENEFICIARY);
    }

    /** Waits for an event of this type about this aggregate, and returns every event of that type about it. */
    public static List<EventEnvelope> awaitEvents(String type, UUID aggregateId) {
        return TopicProbe.awaitEvents(topic(), sameFact(type, aggregateId));
    }

    public static Predicate<EventEnvelope> sameFact(String type, UUID aggregateId) {
        return e -> e.eventType().equals(type) && e.aggregateId().equals(aggregateId);
    }
}
