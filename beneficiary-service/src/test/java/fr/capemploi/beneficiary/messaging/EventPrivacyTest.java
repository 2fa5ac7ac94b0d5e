package fr.capemploi.beneficiary.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.beneficiary.domain.BoeType;
import fr.capemploi.beneficiary.rest.Fixtures;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.beneficiary.BeneficiaryEvents;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Reads every event this service has published (by every test of the module) and fails if anything personal is in
 * one: a name, NIR, e-mail, phone, address, France Travail id, full birth date or disability type. A person with
 * unmistakable data goes through every use case first, so that each kind of event is among those read.
 */
@QuarkusTest
class EventPrivacyTest {

    /**
     * Values shaped like personal data, as whole JSON strings (an id never is one): a NIR, an e-mail address, a French
     * phone number. They catch what any test of the module published, not only the person of this test.
     */
    private static final List<java.util.regex.Pattern> PERSONAL_SHAPES = List.of(
            java.util.regex.Pattern.compile("\"[1-478][0-9]{4}([0-9]{2}|2[AB])[0-9]{8}\""),
            java.util.regex.Pattern.compile("\"[^\"@\\s]+@[^\"@\\s]+\\.[A-Za-z]{2,}\""),
            java.util.regex.Pattern.compile("\"(0|\\+33)[1-9][0-9]{8}\""));

    /** Names of payload fields that would carry personal data, whatever their value. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("lastname", "firstname", "name", "displayname", "nir",
            "email", "phone", "address", "street", "postalcode", "city", "francetravailid", "birthdate", "boetype",
            "boerecognition", "contact");

    @Test
    void noEventTypeOfTheServiceHasAPersonalField() {
        for (Class<?> type : BeneficiaryEvents.TYPES) {
            for (RecordComponent component : type.getRecordComponents()) {
                boolean structureName = type == StructureRegistered.class && component.getName().equals("name");
                assertThat(structureName || !PERSONAL_FIELDS.contains(component.getName().toLowerCase(Locale.ROOT)))
                        .as("%s.%s", type.getSimpleName(), component.getName()).isTrue();
                assertThat(component.getType()).as("%s.%s", type.getSimpleName(), component.getName())
                        .isNotEqualTo(BoeType.class);
            }
        }
    }

    @Test
    void noPublishedEventCarriesPersonalData() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        org.jboss.logging.Logger.getLogger(EventPrivacyTest.class).info("log capture is listening");
        UUID structure = Fixtures.structure();
        String nir = Fixtures.randomNir();
        String otherNir = Fixtures.randomNir();
        UUID id;
        List<String> secrets;
        try {
            UUID first = Fixtures.counsellor(structure);
            UUID second = Fixtures.counsellor(structure);
            Map<String, Object> person = Fixtures.person();
            person.put("lastName", "Quillebœuf-Zéphyrin");
            person.put("firstName", "Anaïs-Prudence");
            person.put("birthDate", "1981-07-23");
            person.put("nir", nir);
            person.put("franceTravailId", "7654321Z");
            person.put("contact", Map.of("email", "anais.quilleboeuf@example.org", "phone", "0611223344",
                    "address", Map.of("street", "7 impasse des Glycines", "postalCode", "22220", "city", "Tréguier-sur-Mer")));
            person.put("boeRecognition", Map.of("type", "WORK_ACCIDENT_ANNUITY", "validFrom", "2013-09-09"));
            person.put("referentCounsellorId", first.toString());
            id = Fixtures.beneficiary(structure, person);
            String token = TestTokens.counsellor(structure);
            String path = "/api/v1/beneficiaries/" + id;

            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"lastName\":\"Kerhervé-Zéphyrin\",\"nir\":\"" + otherNir + "\",\"qualificationLevel\":\"LEVEL_6\","
                            + "\"contact\":{\"phone\":\"+33755443322\"},\"boeRecognition\":{\"type\":\"MILITARY_INVALIDITY_PENSION\"}}")
                    .patch(path).then().statusCode(200);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"counsellorId\":\"" + second + "\",\"assignedOn\":\"2016-10-03\"}")
                    .put(path + "/referent").then().statusCode(200);
            UUID consent = Fixtures.consent(id, structure, "HEALTH_DATA_PROCESSING");
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"withdrawnOn\":\"2016-06-01\",\"modality\":\"ELECTRONIC\"}")
                    .post(path + "/consents/" + consent + "/withdrawal").then().statusCode(200);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"exitDate\":\"2017-03-31\",\"reason\":\"HEALTH_OR_INACTIVITY\"}").post(path + "/exit")
                    .then().statusCode(200);
            given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                    .header("If-Match", Fixtures.counsellorEtag(first)).body("{\"activeUntil\":\"2017-06-30\"}")
                    .patch("/api/v1/counsellors/" + first).then().statusCode(200);
            // a bad NIR is refused without being repeated back
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nir\":\"" + nir.substring(0, 13) + "00\"}")
                    .post("/api/v1/beneficiaries/search")
                    .then().statusCode(400).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(nir.substring(0, 13))));
            given().auth().oauth2(TestTokens.manager(structure)).delete(path).then().statusCode(204);
            Fixtures.awaitEvents("BeneficiaryErased", id);
        } finally {
            root.removeHandler(capture);
        }
        secrets = List.of(nir, spaced(nir), otherNir, "Quillebœuf", "quilleboeuf", "Zéphyrin", "zephyrin", "Anaïs",
                "anais", "Kerhervé", "kerherve", "7654321Z", "0611223344", "+33755443322", "755443322", "Glycines",
                "Tréguier", "treguier", "1981-07-23", "WORK_ACCIDENT_ANNUITY", "MILITARY_INVALIDITY_PENSION",
                "example.org", "Conseiller ");

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.records(Fixtures.topic());
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            StringBuilder headers = new StringBuilder();
            for (Header header : record.headers()) {
                headers.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append(' ');
            }
            for (String secret : secrets) {
                assertThat(value.toLowerCase(Locale.ROOT)).as("event value %s", value)
                        .doesNotContain(secret.toLowerCase(Locale.ROOT));
                assertThat(headers.toString().toLowerCase(Locale.ROOT)).doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
            for (java.util.regex.Pattern shape : PERSONAL_SHAPES) {
                assertThat(shape.matcher(value).find()).as("%s in %s", shape, value).isFalse();
            }
            EventEnvelope envelope = EventCodec.fromBytes(record.value());
            types.add(envelope.eventType());
            if (!envelope.eventType().equals("StructureRegistered")) {
                for (Iterator<String> names = envelope.payload().fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    assertThat(PERSONAL_FIELDS).as("field %s of %s", name, envelope.eventType())
                            .doesNotContain(name.toLowerCase(Locale.ROOT));
                }
            }
            assertThat(containsBoeType(envelope.payload())).as(value).isFalse();
        }
        // the person's whole story was read, one event type of each kind at least
        assertThat(types).contains("StructureRegistered", "CounsellorRegistered", "CounsellorDeactivated",
                "BeneficiaryRegistered", "BeneficiaryProfileChanged", "ReferentAssigned", "ConsentGiven",
                "ConsentWithdrawn", "BeneficiaryExited", "BeneficiaryErased");

        assertThat(logged).as("the capture sees the service's logs")
                .anyMatch(record -> "log capture is listening".equals(record.getMessage()));
        for (LogRecord record : logged) {
            String message = record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown());
            assertThat(message).as("log line of %s", record.getLoggerName()).doesNotContain(nir).doesNotContain(otherNir)
                    .doesNotContain(spaced(nir)).doesNotContain("Quillebœuf").doesNotContain("anais.quilleboeuf");
        }
    }

    private static boolean containsBoeType(JsonNode node) {
        if (node.isTextual()) {
            return java.util.Arrays.stream(BoeType.values()).anyMatch(t -> t.name().equals(node.asText()));
        }
        for (JsonNode child : node) {
            if (containsBoeType(child)) {
                return true;
            }
        }
        return false;
    }

    private static String spaced(String nir) {
        return nir.charAt(0) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " " + nir.substring(5, 7) + " "
                + nir.substring(7, 10) + " " + nir.substring(10, 13) + " " + nir.substring(13);
    }
}
