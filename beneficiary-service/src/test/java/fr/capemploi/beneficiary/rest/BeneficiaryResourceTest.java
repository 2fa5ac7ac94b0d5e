package fr.capemploi.beneficiary.rest;

import static fr.capemploi.beneficiary.rest.Fixtures.awaitEvents;
import static fr.capemploi.beneficiary.rest.Fixtures.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BeneficiaryResourceTest {

    private static final String BENEFICIARIES = "/api/v1/beneficiaries";

    @Test
    void aCounsellorRegistersAPersonReadsItBackAndThePublishedFactIsPseudonymous() {
        UUID structure = Fixtures.structure();
        UUID referent = Fixtures.counsellor(structure);
        Map<String, Object> person = Fixtures.person();
        String nir = (String) person.get("nir");
        person.put("nir", nir.substring(0, 1) + " " + nir.substring(1, 3) + " " + nir.substring(3));
        person.put("firstName", "  Hélène ");
        person.put("referentCounsellorId", referent.toString());

        Response created = given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body(json(person)).post(BENEFICIARIES);
        created.then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", org.hamcrest.Matchers.containsString(BENEFICIARIES + "/"))
                .body("firstName", equalTo("Hélène")).body("nir", equalTo(nir)).body("structureId", equalTo(structure.toString()))
                .body("state", equalTo("ACTIVE")).body("boe", equalTo(true)).body("boeRecognition.type", equalTo("RQTH"))
                .body("contact.address.city", equalTo("Rennes")).body("referentCounsellorId", equalTo(referent.toString()));
        UUID id = UUID.fromString(created.path("id"));

        given().auth().oauth2(TestTokens.manager(structure)).get(BENEFICIARIES + "/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("nir", equalTo(nir)).body("birthYear", equalTo(1980))
                .body("lastName", equalTo("Durand")).body("franceTravailId", equalTo("1234567A"));

        EventEnvelope registered = awaitEvents("BeneficiaryRegistered", id).get(0);
        assertThat(registered.structureId()).isEqualTo(structure);
        assertThat(registered.payload().get("birthYear").asInt()).isEqualTo(1980);
        assertThat(registered.payload().get("boe").asBoolean()).isTrue();
        assertThat(registered.payload().get("referentCounsellorId").asText()).isEqualTo(referent.toString());
        assertThat(registered.payload().get("entryDate").asText()).isEqualTo("2016-02-15");
        assertThat(registered.payload().get("orientationSource").asText()).isEqualTo("POLE_EMPLOI");
        assertThat(registered.occurredAt()).isEqualTo(java.time.Instant.parse("2016-02-14T23:00:00Z"));
    }

    @Test
    void aPartnerRefersAPersonAndGetsTheIdOnly() {
        UUID structure = Fixtures.structure();
        Map<String, Object> person = Fixtures.person();
        person.put("structureId", structure.toString());
        person.put("lastName", "Partenaire-" + UUID.randomUUID().toString().substring(0, 8));

        Response referred = given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON).body(json(person))
                .post(BENEFICIARIES);
        referred.then().statusCode(201);
        assertThat(referred.jsonPath().getMap("$")).containsOnlyKeys("id");
        assertThat(referred.header("ETag")).isNull();
        String id = referred.path("id");

        given().auth().oauth2(TestTokens.counsellor(structure)).get(BENEFICIARIES + "/" + id)
                .then().statusCode(200).body("orientationSource", equalTo("POLE_EMPLOI"))
                .body("lastName", equalTo(person.get("lastName")));
        given().auth().oauth2(TestTokens.manager(structure)).get(BENEFICIARIES + "/" + id + "/access-log")
                .then().statusCode(200).body("items.action", hasItem("CREATE")).body("items.callerRole", hasItem("partner"));

        person.remove("structureId");
        given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON).body(json(person)).post(BENEFICIARIES)
                .then().statusCode(400).body("violations.field", hasItem("structureId"));
    }

    /**
     * Audit finding: a partner referring a person the structure already follows got a 409 saying so, which told it
     * that this person has a disability status. It now gets the answer of any referral: 201 and an id.
     */
    @Test
    void aPartnerReferringAPersonAlreadyFollowedLearnsNothing() {
        UUID structure = Fixtures.structure();
        Map<String, Object> person = Fixtures.person();
        person.put("structureId", structure.toString());
        UUID existing = Fixtures.beneficiary(structure, person);
        Map<String, Object> again = Fixtures.person();
        again.put("structureId", structure.toString());
        again.put("nir", person.get("nir"));

        Response referred = given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON)
                .body(json(again)).post(BENEFICIARIES);
        referred.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/" + existing))
                .header(RequestHeaders.REPLAYED, (String) null);
        assertThat(referred.jsonPath().getMap("$")).containsOnlyKeys("id");
        assertThat(referred.<String>path("id")).isEqualTo(existing.toString());
        // the referral joined the existing record: no second person, no second registration event
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"nir\":\"" + person.get("nir") + "\"}").post(BENEFICIARIES + "/search")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.counsellor(structure)).queryParam("structureId", structure.toString())
                .get(BENEFICIARIES).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aRetriedReferralWithTheSameKeyGetsTheFirstAnswerAndNoDuplicate() throws Exception {
        UUID structure = Fixtures.structure();
        Map<String, Object> person = Fixtures.person();
        person.put("structureId", structure.toString());
        String lastName = "Relance" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x");
        person.put("lastName", lastName);
        String key = UUID.randomUUID().toString();

        // two attempts racing with the same key, as a partner retrying after a time-out would
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(pool.submit(() -> given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(json(person)).post(BENEFICIARIES)));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> attempt : attempts) {
            answers.add(attempt.get());
        }
        pool.shutdown();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        String id = answers.get(0).path("id");
        assertThat((String) answers.get(1).path("id")).isEqualTo(id);
        assertThat(answers).filteredOn(a -> "true".equals(a.header("Idempotent-Replayed"))).hasSize(1);

        Response later = given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(json(person)).post(BENEFICIARIES);
        later.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        given().auth().oauth2(TestTokens.counsellor(structure)).queryParam("name", lastName).get(BENEFICIARIES)
                .then().statusCode(200).body("total", equalTo(1));
        assertThat(awaitEvents("BeneficiaryRegistered", UUID.fromString(id))).hasSize(1);

        person.put("firstName", "Autre");
        given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(json(person)).post(BENEFICIARIES)
                .then().statusCode(422).contentType("application/problem+json");
        // the key is the partner's own: a counsellor using the same key creates its own record
        person.remove("structureId");
        person.put("nir", Fixtures.randomNir());
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(json(person)).post(BENEFICIARIES).then().statusCode(201).body("id", not(equalTo(id)));
    }

    @Test
    void patchNeedsTheCurrentETagAndPublishesOnlyCategoricalChanges() {
        UUID structure = Fixtures.structure();
        UUID id = Fixtures.beneficiary(structure);
        String token = TestTokens.counsellor(structure);

        given().auth().oauth2(token).contentType("application/merge-patch+json").body("{\"lastName\":\"Leroy\"}")
                .patch(BENEFICIARIES + "/" + id).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .body("{\"lastName\":\"Leroy\"}").patch(BENEFICIARIES + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        // a personal-only change: new name and phone, address removed, e-mail kept
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"lastName\":\"Leroy\",\"contact\":{\"phone\":\"0799887766\",\"address\":null}}")
                .patch(BENEFICIARIES + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("lastName", equalTo("Leroy"))
                .body("contact.phone", equalTo("0799887766")).body("contact.email", equalTo("personne@example.fr"))
                .body("contact", not(hasKey("address"))).body("qualificationLevel", equalTo("LEVEL_4"));
        // a categorical change, and the NIR and BOE ground removed
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"qualificationLevel\":\"LEVEL_5\",\"nir\":null,\"boeRecognition\":null}")
                .patch(BENEFICIARIES + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("qualificationLevel", equalTo("LEVEL_5"))
                .body("$", not(hasKey("nir"))).body("boe", equalTo(false)).body("lastName", equalTo("Leroy"));

        // the outbox publishes in commit order: had the name change published anything, it would be here first
        List<EventEnvelope> changes = awaitEvents("BeneficiaryProfileChanged", id);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).payload().get("qualificationLevel").asText()).isEqualTo("LEVEL_5");
        assertThat(changes.get(0).payload().get("boe").asBoolean()).isFalse();

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"structureId\":\"" + UUID.randomUUID() + "\"}").patch(BENEFICIARIES + "/" + id)
                .then().statusCode(400).body("violations.field", hasItem("structureId"));
    }

    @Test
    void twoConcurrentEditsOfTheSameVersionCannotBothWin() throws Exception {
        UUID structure = Fixtures.structure();
        UUID id = Fixtures.beneficiary(structure);
        String token = TestTokens.counsellor(structure);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> edits = new ArrayList<>();
        for (String level : List.of("LEVEL_5", "LEVEL_6")) {
            Callable<Integer> edit = () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"").body("{\"qualificationLevel\":\"" + level + "\"}")
                    .patch(BENEFICIARIES + "/" + id).statusCode();
            edits.add(pool.submit(edit));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> edit : edits) {
            statuses.add(edit.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(Fixtures.etag(id, structure)).isEqualTo("\"1\"");
    }

    @Test
    void referentsBuildPortfoliosUntilThePersonExits() {
        UUID structure = Fixtures.structure();
        UUID first = Fixtures.counsellor(structure);
        UUID second = Fixtures.counsellor(structure);
        Map<String, Object> person = Fixtures.person();
        person.put("referentCounsellorId", first.toString());
        UUID id = Fixtures.beneficiary(structure, person);
        String token = TestTokens.counsellor(structure);

        given().auth().oauth2(token).get("/api/v1/counsellors/" + first + "/portfolio")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id.toString()))
                .body("items[0]", not(hasKey("nir")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"counsellorId\":\"" + second + "\",\"assignedOn\":\"2016-10-03\"}")
                .put(BENEFICIARIES + "/" + id + "/referent")
                .then().statusCode(200).header("ETag", "\"1\"").body("referentCounsellorId", equalTo(second.toString()));
        given().auth().oauth2(token).get("/api/v1/counsellors/" + first + "/portfolio").then().body("total", equalTo(0));
        given().auth().oauth2(token).get("/api/v1/counsellors/" + second + "/portfolio").then().body("total", equalTo(1));

        EventEnvelope assigned = awaitEvents("ReferentAssigned", id).get(0);
        assertThat(assigned.payload().get("counsellorId").asText()).isEqualTo(second.toString());
        assertThat(assigned.payload().get("previousCounsellorId").asText()).isEqualTo(first.toString());
        assertThat(assigned.payload().get("assignedOn").asText()).isEqualTo("2016-10-03");

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"exitDate\":\"2017-04-28\",\"reason\":\"SUSTAINABLE_JOB\"}").post(BENEFICIARIES + "/" + id + "/exit")
                .then().statusCode(412);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"exitDate\":\"2017-04-28\",\"reason\":\"SUSTAINABLE_JOB\"}").post(BENEFICIARIES + "/" + id + "/exit")
                .then().statusCode(200).body("state", equalTo("EXITED")).body("exitDate", equalTo("2017-04-28"))
                .body("exitReason", equalTo("SUSTAINABLE_JOB"));
        given().auth().oauth2(token).get("/api/v1/counsellors/" + second + "/portfolio").then().body("total", equalTo(0));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"exitDate\":\"2017-05-02\",\"reason\":\"TRAINING\"}").post(BENEFICIARIES + "/" + id + "/exit")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"counsellorId\":\"" + first + "\",\"assignedOn\":\"2017-05-02\"}")
                .put(BENEFICIARIES + "/" + id + "/referent").then().statusCode(409);

        EventEnvelope exited = awaitEvents("BeneficiaryExited", id).get(0);
        assertThat(exited.payload().get("reason").asText()).isEqualTo("SUSTAINABLE_JOB");
        assertThat(exited.payload().get("exitDate").asText()).isEqualTo("2017-04-28");
        assertThat(awaitEvents("BeneficiaryExited", id)).hasSize(1);
    }

    @Test
    void consentsAreGivenListedAndWithdrawnOnce() {
        UUID structure = Fixtures.structure();
        UUID id = Fixtures.beneficiary(structure);
        String token = TestTokens.manager(structure);
        String consents = BENEFICIARIES + "/" + id + "/consents";

        UUID consent = Fixtures.consent(id, structure, "HEALTH_DATA_PROCESSING");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"scope\":\"HEALTH_DATA_PROCESSING\",\"givenOn\":\"2016-03-01\",\"modality\":\"ELECTRONIC\"}").post(consents)
                .then().statusCode(409);
        Fixtures.consent(id, structure, "DATA_PROCESSING");
        given().auth().oauth2(token).get(consents).then().statusCode(200)
                .body("scope", org.hamcrest.Matchers.containsInAnyOrder("HEALTH_DATA_PROCESSING", "DATA_PROCESSING"))
                .body("inForce", org.hamcrest.Matchers.everyItem(equalTo(true)));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"withdrawnOn\":\"2018-11-05\",\"modality\":\"ELECTRONIC\"}")
                .post(consents + "/" + consent + "/withdrawal")
                .then().statusCode(200).body("inForce", equalTo(false)).body("withdrawnOn", equalTo("2018-11-05"))
                .body("withdrawalModality", equalTo("ELECTRONIC"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"withdrawnOn\":\"2018-11-06\",\"modality\":\"ELECTRONIC\"}")
                .post(consents + "/" + consent + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"withdrawnOn\":\"2018-11-06\",\"modality\":\"ELECTRONIC\"}")
                .post(consents + "/" + UUID.randomUUID() + "/withdrawal").then().statusCode(404);
        // withdrawn, the scope can be consented to again
        Fixtures.consent(id, structure, "HEALTH_DATA_PROCESSING");

        EventEnvelope withdrawn = awaitEvents("ConsentWithdrawn", consent).get(0);
        assertThat(withdrawn.payload().get("scope").asText()).isEqualTo("HEALTH_DATA_PROCESSING");
        assertThat(withdrawn.payload().get("withdrawnOn").asText()).isEqualTo("2018-11-05");
        assertThat(awaitEvents("ConsentGiven", consent).get(0).payload().get("modality").asText()).isEqualTo("SIGNED_FORM");
        // keyed by the person, so that a consumer reads the person's consents in order with the rest of their story
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.records(Fixtures.topic());
        assertThat(records).filteredOn(r -> new String(r.value()).contains(consent.toString()))
                .extracting(ConsumerRecord::key).containsOnly(id.toString());
    }

    @Test
    void searchIgnoresCaseAndAccentsFiltersAndPagesStably() {
        UUID structure = Fixtures.structure();
        UUID referent = Fixtures.counsellor(structure);
        String token = TestTokens.counsellor(structure);
        UUID helene = register(structure, "Dupré", "Hélène", "2016-03-01", "POLE_EMPLOI", referent);
        UUID helene2 = register(structure, "MARTIN", "HELENE", "2017-01-10", "MISSION_LOCALE", null);
        UUID heloise = register(structure, "Durand", "Héloïse", "2016-06-20", "POLE_EMPLOI", null);
        UUID elsewhere = register(Fixtures.structure(), "Dupré", "Hélène", "2016-03-01", "POLE_EMPLOI", null);

        assertThat(ids(token, Map.of("name", "helene"))).containsExactly(helene, helene2);
        assertThat(ids(token, Map.of("name", "Hélène"))).containsExactly(helene, helene2);
        assertThat(ids(token, Map.of("name", "HÉLÈNE dupre"))).containsExactly(helene);
        assertThat(ids(token, Map.of("name", "hel"))).containsExactly(helene, heloise, helene2);
        assertThat(ids(token, Map.of("orientationSource", "POLE_EMPLOI"))).containsExactly(helene, heloise);
        assertThat(ids(token, Map.of("referentCounsellorId", referent.toString()))).containsExactly(helene);
        assertThat(ids(token, Map.of("enteredFrom", "2016-06-01", "enteredTo", "2016-12-31"))).containsExactly(heloise);
        assertThat(ids(token, Map.of("statusAtEntry", "JOB_SEEKER", "state", "ACTIVE"))).containsExactly(helene, heloise, helene2);
        assertThat(ids(token, Map.of("state", "EXITED"))).isEmpty();
        assertThat(ids(token, Map.of("structureId", UUID.randomUUID().toString()))).isEmpty();
        assertThat(ids(token, Map.of())).doesNotContain(elsewhere);

        List<UUID> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Response response = given().auth().oauth2(token).queryParam("page", page).queryParam("size", 1)
                    .get(BENEFICIARIES);
            response.then().statusCode(200).body("total", equalTo(3)).body("size", equalTo(1)).body("page", equalTo(page));
            paged.addAll(response.jsonPath().getList("items.id", String.class).stream().map(UUID::fromString).toList());
        }
        assertThat(paged).containsExactly(helene, heloise, helene2);
        given().auth().oauth2(token).queryParam("page", 3).queryParam("size", 1).get(BENEFICIARIES)
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty()).body("total", equalTo(3));

        // lists never show the NIR; each person shown is in their access log
        given().auth().oauth2(token).get(BENEFICIARIES).then().body("items[0]", not(hasKey("nir")))
                .body("items[0]", not(hasKey("contact")));
        given().auth().oauth2(TestTokens.manager(structure)).get(BENEFICIARIES + "/" + heloise + "/access-log")
                .then().statusCode(200).body("items[0].action", equalTo("SEARCH")).body("items.action", hasItem("CREATE"));
    }

    @Test
    void searchByNirGoesInTheBodyAndMatchesWhateverTheSpacing() {
        UUID structure = Fixtures.structure();
        Map<String, Object> person = Fixtures.person();
        String nir = (String) person.get("nir");
        UUID id = Fixtures.beneficiary(structure, person);
        String spaced = nir.substring(0, 1) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " " + nir.substring(5);

        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"nir\":\"" + spaced + "\"}").post(BENEFICIARIES + "/search")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id.toString()))
                .body("items[0]", not(hasKey("nir")));
        given().auth().oauth2(TestTokens.counsellor(Fixtures.structure())).contentType(ContentType.JSON)
                .body("{\"nir\":\"" + nir + "\"}").post(BENEFICIARIES + "/search")
                .then().statusCode(200).body("total", equalTo(0));
        // one person per NIR in a structure
        Map<String, Object> twin = Fixtures.person();
        twin.put("nir", nir);
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).body(json(twin))
                .post(BENEFICIARIES).then().statusCode(409).body("detail", not(org.hamcrest.Matchers.containsString(nir)));
    }

    @Test
    void theManagerReadsWhoAccessedThePersonNewestFirst() {
        UUID structure = Fixtures.structure();
        UUID id = Fixtures.beneficiary(structure);
        Fixtures.etag(id, structure);
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"exitDate\":\"2016-12-01\",\"reason\":\"TRAINING\"}").post(BENEFICIARIES + "/" + id + "/exit")
                .then().statusCode(200);
        Response log = given().auth().oauth2(TestTokens.manager(structure)).get(BENEFICIARIES + "/" + id + "/access-log");
        log.then().statusCode(200).body("total", equalTo(3)).body("items[0].callerRole", equalTo("counsellor"))
                .body("items[0].callerStructureId", equalTo(structure.toString()))
                .body("items[0].callerName", org.hamcrest.Matchers.startsWith("counsellor-"));
        assertThat(log.jsonPath().getList("items.action", String.class)).containsExactly("EXIT", "READ", "CREATE");
        assertThat(log.jsonPath().getMap("items[0]")).doesNotContainKey("lastName");
        // DOMAIN.md: the structure's manager reads the log; an administrator manages the directory, not people
        given().auth().oauth2(TestTokens.admin()).get(BENEFICIARIES + "/" + id + "/access-log")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theIdentityReadGivesOnlyWhatADocumentPrintsIsLoggedAndIsGoneAfterErasure() {
        UUID structure = Fixtures.structure();
        UUID id = Fixtures.beneficiary(structure);
        Response identity = given().auth().oauth2(TestTokens.counsellor(structure))
                .get(BENEFICIARIES + "/" + id + "/identity");
        identity.then().statusCode(200).body("id", equalTo(id.toString()))
                .body("structureId", equalTo(structure.toString())).body("sex", equalTo("FEMALE"))
                .body("lastName", equalTo("Durand")).body("firstName", equalTo("Camille"))
                .body("birthDate", equalTo("1980-05-17"));
        // nothing else of the record: no NIR, contact, BOE ground or situation
        assertThat(identity.jsonPath().getMap("").keySet())
                .containsExactlyInAnyOrder("id", "structureId", "sex", "lastName", "firstName", "birthDate");

        Response log = given().auth().oauth2(TestTokens.manager(structure)).get(BENEFICIARIES + "/" + id + "/access-log");
        assertThat(log.jsonPath().getList("items.action", String.class)).containsExactly("READ", "CREATE");
        log.then().body("items[0].callerRole", equalTo("counsellor"))
                .body("items[0].callerName", org.hamcrest.Matchers.startsWith("counsellor-"));

        given().auth().oauth2(TestTokens.manager(structure)).delete(BENEFICIARIES + "/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.counsellor(structure)).get(BENEFICIARIES + "/" + id + "/identity")
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("Beneficiary " + id + " was erased; there is no identity left to show"));
        assertThat(given().auth().oauth2(TestTokens.manager(structure)).get(BENEFICIARIES + "/" + id + "/access-log")
                .jsonPath().getList("items.action", String.class)).containsExactly("ERASE", "READ", "CREATE");
    }

    private static UUID register(UUID structure, String lastName, String firstName, String entryDate, String source,
            UUID referent) {
        Map<String, Object> person = Fixtures.person();
        person.put("lastName", lastName);
        person.put("firstName", firstName);
        person.put("entryDate", entryDate);
        person.put("orientationSource", source);
        if (referent != null) {
            person.put("referentCounsellorId", referent.toString());
        }
        return Fixtures.beneficiary(structure, person);
    }

    private static List<UUID> ids(String token, Map<String, String> filters) {
        Response response = given().auth().oauth2(token).queryParams(filters).queryParam("size", 200).get(BENEFICIARIES);
        response.then().statusCode(200).body("items.find { it.nir != null }", nullValue());
        return response.jsonPath().getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }
}
