package fr.capemploi.cpf.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestKafka;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Beneficiaries announced as the registry would, and the requests the tests build on. */
final class Fixtures {

    /** Amounts read back as exact decimals, never through a double. */
    static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Fixtures() {
    }

    /** Publishes the registration of a new beneficiary of {@code structure} on beneficiary.events. */
    static UUID announceBeneficiary(UUID structure) {
        UUID beneficiary = UUID.randomUUID();
        TestEvents.publish(registration(beneficiary, structure), Instant.now());
        return beneficiary;
    }

    /** A counsellor of the structure, announced as the beneficiary service would. */
    static UUID announceCounsellor(UUID structure) {
        UUID counsellor = UUID.randomUUID();
        TestEvents.publish(new fr.capemploi.events.beneficiary.CounsellorRegistered(counsellor, structure,
                LocalDate.of(2015, 1, 5)), Instant.now());
        return counsellor;
    }

    static BeneficiaryRegistered registration(UUID beneficiary, UUID structure) {
        return new BeneficiaryRegistered(beneficiary, structure, null, LocalDate.of(2016, 2, 15), 1974, Sex.FEMALE,
                StatusAtEntry.JOB_SEEKER, true, QualificationLevel.LEVEL_3, 14, OrientationSource.POLE_EMPLOI);
    }

    /** A beneficiary of {@code structure} this service already knows. */
    static UUID knownBeneficiary(UUID structure) {
        UUID beneficiary = announceBeneficiary(structure);
        awaitKnown(beneficiary, structure);
        return beneficiary;
    }

    /** cpf-service's consumer of the registry's events ({@code mp.messaging.incoming.beneficiaries.group.id}). */
    private static final String REGISTRY_GROUP = "cpf-service.beneficiaries";
    private static volatile boolean registryFollowed;

    /**
     * The person is known once the service's consumer has read its registration. Before the first arrival of a JVM
     * that consumer must also have joined its group (after the start, on a broker creating its group coordinator's
     * topic): that is awaited first, bounded as a start, so that a slow join on a loaded machine is not taken for a
     * lost record (the flake of {@code AuthorizationMatrixTest}'s first person, not known within 30 s).
     */
    static void awaitKnown(UUID beneficiary, UUID structure) {
        if (!registryFollowed) {
            TestKafka.awaitAssigned(REGISTRY_GROUP, PlatformTestResource.topic(Topics.BENEFICIARY),
                    Duration.ofMinutes(3));
            registryFollowed = true;
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(TestTokens.counsellor(structure)).get("/api/v1/cpf/accounts/" + beneficiary)
                        .statusCode() == 200);
    }

    static void erase(UUID beneficiary, UUID structure) {
        TestEvents.publish(new BeneficiaryErased(beneficiary, structure, LocalDate.of(2020, 1, 6)), Instant.now());
    }

    static RequestSpecification as(String token) {
        return given().config(DECIMALS).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String account(UUID beneficiary) {
        return "/api/v1/cpf/accounts/" + beneficiary;
    }

    static String project(UUID project) {
        return "/api/v1/cpf/training-projects/" + project;
    }

    static String projectBody(UUID beneficiary) {
        return projectBody(beneficiary, "2016-09-12", "2017-03-31", "COPAREF", "\"11\"", "4830.50");
    }

    static String projectBody(UUID beneficiary, String start, String end, String list, String region, String cost) {
        return "{\"beneficiaryId\":\"" + beneficiary + "\",\"title\":\"Titre professionnel Secrétaire assistant\","
                + "\"certification\":{\"kind\":\"RNCP\",\"code\":\"RNCP1234\"},\"eligibilityList\":\"" + list + "\","
                + "\"eligibilityRegion\":" + region + ",\"trainingBody\":{\"name\":\"AFPA Paris\","
                + "\"siret\":\"12345678901234\"},\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\","
                + "\"hours\":420,\"cost\":" + cost + "}";
    }

    static UUID createProject(UUID structure, UUID beneficiary) {
        return createProject(structure, projectBody(beneficiary));
    }

    static UUID createProject(UUID structure, String body) {
        Response created = as(TestTokens.counsellor(structure)).body(body).post("/api/v1/cpf/training-projects")
                .then().statusCode(201).extract().response();
        return JsonAnswer.id(created, "/id");
    }

    static UUID requestFunding(UUID structure, UUID project, String funder, String amount) {
        Response created = as(TestTokens.counsellor(structure))
                .body("{\"funder\":\"" + funder + "\",\"amount\":" + amount + ",\"requestedOn\":\"2016-05-23\"}")
                .post(project(project) + "/funding-requests").then().statusCode(201).extract().response();
        return JsonAnswer.id(created, "/request/id");
    }

    static void giveConsent(UUID structure, UUID beneficiary, String on) {
        as(TestTokens.counsellor(structure)).body("{\"givenOn\":\"" + on + "\",\"modality\":\"SIGNED_STANDARD_LETTER\"}")
                .post(account(beneficiary) + "/consents").then().statusCode(201);
    }

    /** The events published about one aggregate, waiting until at least {@code count} are there. */
    static List<EventEnvelope> awaitEvents(UUID aggregate, int count) {
        String topic = PlatformTestResource.topic(Topics.CPF);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                TopicProbe.events(topic).stream().filter(e -> e.aggregateId().equals(aggregate)).count() >= count);
        return TopicProbe.events(topic).stream().filter(e -> e.aggregateId().equals(aggregate)).toList();
    }
}
