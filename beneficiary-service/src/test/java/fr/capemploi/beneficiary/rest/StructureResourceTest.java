package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class StructureResourceTest {

    private static final AtomicInteger CODES = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Test
    void adminRegistersAStructureThatEveryRoleCanRead() {
        String code = nextCode();
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(body(code, "11", "75", "2016-01-04"))
                .post("/api/v1/structures")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/structures/"))
                .body("code", equalTo(code)).body("regionName", equalTo("Île-de-France"))
                .body("registeredOn", equalTo("2016-01-04"))
                .extract().path("id");

        for (String token : List.of(TestTokens.partner(), TestTokens.analyst(), TestTokens.counsellor(UUID.randomUUID()),
                TestTokens.manager(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/structures/" + id).then().statusCode(200)
                    .body("code", equalTo(code));
        }
        given().auth().oauth2(TestTokens.analyst()).queryParam("size", 200).get("/api/v1/structures")
                .then().statusCode(200).body("items.code", hasItem(code)).body("total", greaterThanOrEqualTo(1));

        List<EventEnvelope> events = TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.BENEFICIARY),
                e -> e.aggregateId().toString().equals(id));
        assertThat(events).hasSize(1);
        EventEnvelope event = events.get(0);
        assertThat(event.eventType()).isEqualTo("StructureRegistered");
        assertThat(event.structureId()).hasToString(id);
        assertThat(event.payload().get("region").asText()).isEqualTo("11");
        assertThat(event.payload().get("registeredOn").asText()).isEqualTo("2016-01-04");
    }

    @Test
    void aDuplicateCodeIsAConflictAndPublishesNothingMore() {
        String code = nextCode();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body(code, "84", "69", "2016-01-04"))
                .post("/api/v1/structures").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body(code, "84", "69", "2016-01-04"))
                .post("/api/v1/structures").then().statusCode(409).contentType("application/problem+json");
        List<EventEnvelope> events = TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.BENEFICIARY),
                e -> code.equals(e.payload().path("code").asText()));
        assertThat(events).hasSize(1);
    }

    static Stream<Arguments> badInput() {
        String future = LocalDate.now().plusDays(2).toString();
        String on = ",\"registeredOn\":\"2016-01-04\"";
        return Stream.of(
                Arguments.of("{\"code\":\"%s\",\"name\":\"X\",\"region\":\"1\",\"department\":\"75\"" + on + "}", "region"),
                Arguments.of("{\"code\":\"%s\",\"name\":\"X\",\"region\":\"99\",\"department\":\"75\"" + on + "}", "region"),
                Arguments.of("{\"code\":\"%s\",\"name\":\"X\",\"region\":\"11\",\"department\":\"00\"" + on + "}", "department"),
                Arguments.of("{\"code\":\"%s\",\"name\":\"\",\"region\":\"11\",\"department\":\"75\"" + on + "}", "name"),
                Arguments.of("{\"code\":\"%s\",\"region\":\"11\",\"department\":\"75\"" + on + "}", "name"),
                Arguments.of("{\"code\":\"%s\",\"name\":\"X\",\"region\":11,\"department\":\"75\",\"registeredOn\":\"" + future + "\"}",
                        "registeredOn"),
                Arguments.of("{\"code\":\"%s\",\"name\":\"X\",\"region\":\"11\",\"department\":\"75\",\"registeredOn\":\"04/01/2016\"}",
                        "registeredOn"),
                Arguments.of("{\"code\":\"%s\",\"name\":[\"X\"],\"region\":\"11\",\"department\":\"75\"" + on + "}", "name"),
                Arguments.of("{\"code\":\"%s\",\"name\":\"X\",\"region\":\"11\",\"department\":\"75\"" + on + ",\"siret\":\"1\"}", "siret"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputNamesTheFieldAndStoresNothing(String template, String field) {
        String code = nextCode();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(template.formatted(code))
                .post("/api/v1/structures")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
        long stored = given().auth().oauth2(TestTokens.admin()).queryParam("size", 200).get("/api/v1/structures")
                .then().statusCode(200).extract().jsonPath().getList("items.code").stream().filter(code::equals).count();
        assertThat(stored).isZero();
        // a valid registration published after the bad one proves the bad one left nothing on the topic
        String marker = nextCode();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body(marker, "11", "75", "2016-01-04"))
                .post("/api/v1/structures").then().statusCode(201);
        TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.BENEFICIARY),
                e -> marker.equals(e.payload().path("code").asText()));
        assertThat(TopicProbe.events(PlatformTestResource.topic(Topics.BENEFICIARY)))
                .noneMatch(e -> code.equals(e.payload().path("code").asText()));
    }

    @Test
    void onlyAdminsRegister() {
        String body = body(nextCode(), "11", "75", "2016-01-04");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/structures").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("admin", null)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/structures").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByAnotherKey("admin", null)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/structures").then().statusCode(401);
        for (String token : List.of(TestTokens.partner(), TestTokens.analyst(), TestTokens.counsellor(UUID.randomUUID()),
                TestTokens.manager(UUID.randomUUID()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/structures")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/api/v1/structures").then().statusCode(401);
    }

    @Test
    void unknownStructureIs404AndPagingIsValidated() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/structures/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 1000).get("/api/v1/structures")
                .then().statusCode(400).body("violations.field", hasItem("size"));
    }

    private static String nextCode() {
        return "T" + CODES.incrementAndGet();
    }

    private static String body(String code, String region, String department, String registeredOn) {
        return "{\"code\":\"" + code + "\",\"name\":\"Cap emploi test " + code + "\",\"region\":\"" + region
                + "\",\"department\":\"" + department + "\""
                + (registeredOn == null ? "" : ",\"registeredOn\":\"" + registeredOn + "\"") + "}";
    }
}
