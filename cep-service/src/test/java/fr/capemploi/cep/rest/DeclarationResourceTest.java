package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.cep.domain.OperatorDeclaration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class DeclarationResourceTest {

    static final String FULL = "{\"counsellorFte\":{\"level1Only\":0.5,\"levels2And3Only\":1.8,\"allLevels\":6.25},"
            + "\"supportFte\":1.4,\"professionalisation\":{\"actionsEngaged\":true,"
            + "\"actions\":[\"AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING\",\"INTERNAL_WITH_CEP_KIT\"]},"
            + "\"systematicTrainingForNewCounsellors\":false,\"cepTraining\":{\"days\":14.5,\"counsellorsTrained\":5},"
            + "\"mutualisedOffer\":{\"used\":true,\"natures\":[\"SPRO\",\"CARIF_OREF\"]},"
            + "\"selfAssessment\":{\"level1Delivered\":true,\"trainingsFitNeeds\":true,\"cpfRulesMastered\":false,"
            + "\"newFundersUsed\":false,\"sproToolsDeveloped\":true,\"cepKitUsedInternally\":true},"
            + "\"comment\":\"Deux conseillers formés par l'AFPA\"}";
    static final String MINIMAL = "{\"counsellorFte\":{\"level1Only\":0,\"levels2And3Only\":2,\"allLevels\":5.5},"
            + "\"supportFte\":1,\"professionalisation\":{\"actionsEngaged\":false,\"actions\":[]},"
            + "\"systematicTrainingForNewCounsellors\":true}";

    private final UUID structure = UUID.randomUUID();

    @Test
    void aManagerDeclaresAndResubmitsAndEachVersionIsPublished() {
        String path = "/api/v1/cep/declarations/" + structure + "/2016-H1";
        given().auth().oauth2(TestTokens.manager(structure)).contentType(ContentType.JSON).body(FULL).put(path)
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("replacesVersion", nullValue())
                .body("periodStart", equalTo("2016-01-01")).body("periodEnd", equalTo("2016-06-30"))
                .body("totalCounsellorFte", equalTo(8.55f))
                .body("mutualisedOffer.natures", equalTo(List.of("SPRO", "CARIF_OREF")));
        given().auth().oauth2(TestTokens.manager(structure)).contentType(ContentType.JSON).body(MINIMAL).put(path)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("replacesVersion", equalTo(1));

        for (String token : List.of(TestTokens.manager(structure), TestTokens.analyst(), TestTokens.admin())) {
            given().auth().oauth2(token).get(path).then().statusCode(200)
                    .body("version", equalTo(2)).body("cepTraining", nullValue()).body("mutualisedOffer", nullValue())
                    .body("selfAssessment.level1Delivered", nullValue())
                    .body("professionalisation.actionsEngaged", equalTo(false));
        }
        given().auth().oauth2(TestTokens.manager(structure)).get("/api/v1/cep/declarations/" + structure + "/2016")
                .then().statusCode(404).contentType("application/problem+json");

        UUID declarationId = OperatorDeclaration.declarationId(structure, "2016-H1");
        List<EventEnvelope> events = TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.CEP),
                e -> e.aggregateId().equals(declarationId) && e.payload().get("version").asInt() == 2);
        List<EventEnvelope> all = TopicProbe.events(PlatformTestResource.topic(Topics.CEP)).stream()
                .filter(e -> e.aggregateId().equals(declarationId)).toList();
        assertThat(all).hasSize(2).allSatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("OperatorDeclarationSubmitted");
            assertThat(e.structureId()).isEqualTo(structure);
            assertThat(e.aggregateType()).isEqualTo("OperatorDeclaration");
        });
        JsonNode first = all.get(0).payload();
        assertThat(first.get("period").asText()).isEqualTo("2016-H1");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("replacesVersion").isNull()).isTrue();
        assertThat(first.get("level1OnlyCounsellorFte").asDouble()).isEqualTo(0.5);
        assertThat(first.get("levels2And3OnlyCounsellorFte").asDouble()).isEqualTo(1.8);
        assertThat(first.get("allLevelsCounsellorFte").asDouble()).isEqualTo(6.25);
        assertThat(first.get("totalCounsellorFte").asDouble()).isEqualTo(8.55);
        assertThat(first.get("supportFte").asDouble()).isEqualTo(1.4);
        assertThat(first.get("professionalisationActionsEngaged").asBoolean()).isTrue();
        assertThat(first.get("professionalisationActions").toString())
                .isEqualTo("[\"AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING\",\"INTERNAL_WITH_CEP_KIT\"]");
        assertThat(first.get("systematicTrainingForNewCounsellors").asBoolean()).isFalse();
        assertThat(first.get("cepTrainingDays").asDouble()).isEqualTo(14.5);
        assertThat(first.get("counsellorsTrained").asInt()).isEqualTo(5);
        assertThat(first.get("atLeastOneCepTraining").asBoolean()).isTrue();
        assertThat(first.get("mutualisedOfferUsed").asBoolean()).isTrue();
        assertThat(first.get("mutualisedOfferNatures").toString()).isEqualTo("[\"SPRO\",\"CARIF_OREF\"]");
        assertThat(first.get("level1Delivered").asBoolean()).isTrue();
        assertThat(first.get("cpfRulesMastered").asBoolean()).isFalse();
        assertThat(first.get("cepKitUsedInternally").asBoolean()).isTrue();
        assertThat(first.toString()).as("the comment is free text and stays here").doesNotContain("AFPA\"", "formés");
        JsonNode second = events.get(0).payload();
        assertThat(second.get("replacesVersion").asInt()).isEqualTo(1);
        assertThat(second.get("cepTrainingDays").isNull()).isTrue();
        assertThat(second.get("mutualisedOfferUsed").isNull()).isTrue();
        assertThat(second.get("atLeastOneCepTraining").asBoolean()).isFalse();
        assertThat(second.get("totalCounsellorFte").asDouble()).isEqualTo(7.5);
        assertThat(TopicProbe.records(PlatformTestResource.topic(Topics.CEP)))
                .as("a structure-level fact is keyed by its structure")
                .filteredOn(record -> structure.toString().equals(record.key())).hasSize(2);
    }

    @Test
    void onlyTheStructuresManagerDeclares() {
        String path = "/api/v1/cep/declarations/" + structure + "/2016";
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).body(MINIMAL).put(path)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.manager(UUID.randomUUID())).contentType(ContentType.JSON).body(MINIMAL).put(path)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(MINIMAL).put(path)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get(path).then().statusCode(404);
    }

    @ParameterizedTest(name = "period {0}")
    @CsvSource({"2016-H3", "16", "2016-1", "2014", "2999", "H1-2016"})
    void thePeriodIsAYearOrAHalfYearOfTheCep(String period) {
        given().auth().oauth2(TestTokens.manager(structure)).contentType(ContentType.JSON).body(MINIMAL)
                .put("/api/v1/cep/declarations/" + structure + "/" + period)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("period"));
    }
}
