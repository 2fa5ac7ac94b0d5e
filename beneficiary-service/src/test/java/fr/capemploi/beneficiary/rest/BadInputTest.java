package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.BadInputHarness;
import fr.capemploi.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input for every field of every operation: a 400 problem naming the field, and nothing stored, logged or
 * published (every table of the service, the outbox included, is unchanged). The checks are the test-support
 * harness's; here are the cases, the records they aim at and what is observed of them.
 */
@QuarkusTest
class BadInputTest extends BadInputHarness<BadInputTest.Case, Map<String, String>> {

    @Inject
    AgroalDataSource dataSource;

    private static final String PERSON_ETAG = "If-Match of {b}";
    private static final String COUNSELLOR_ETAG = "If-Match of {c}";

    /** The records the bad requests aim at; paths use {s} {t} {b} {k} {c} {i} {d} for them. */
    @Override
    protected Map<String, String> newTarget() {
        UUID structure = Fixtures.structure();
        UUID other = Fixtures.structure();
        UUID counsellor = Fixtures.counsellor(structure);
        UUID inactive = Fixtures.counsellor(structure, "2015-01-05");
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body("{\"activeUntil\":\"2015-06-30\"}")
                .patch("/api/v1/counsellors/" + inactive).then().statusCode(200);
        UUID beneficiary = Fixtures.beneficiary(structure);
        UUID consent = Fixtures.consent(beneficiary, structure, "HEALTH_DATA_PROCESSING");
        Map<String, String> map = new LinkedHashMap<>();
        map.put("{s}", structure.toString());
        map.put("{t}", other.toString());
        map.put("{b}", beneficiary.toString());
        map.put("{k}", consent.toString());
        map.put("{c}", counsellor.toString());
        map.put("{i}", inactive.toString());
        map.put("{d}", Fixtures.counsellor(other).toString());
        // read once here: reading the person is itself recorded in their access log, which the requests must not touch
        map.put(PERSON_ETAG, Fixtures.etag(beneficiary, structure));
        map.put(COUNSELLOR_ETAG, Fixtures.counsellorEtag(counsellor));
        return map;
    }

    record Case(String name, String who, String method, String path, String body, String field)
            implements BadInputHarness.BadInput {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String FUTURE = LocalDate.now().plusDays(3).toString();

    private static Case person(String name, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> person = Fixtures.person();
        change.accept(person);
        return new Case(name, "counsellor", "POST", "/api/v1/beneficiaries", Fixtures.json(person), field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> person, String key) {
        return (Map<String, Object>) person.get(key);
    }

    @Override
    protected Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // registration: every field
        cases.add(person("lastName blank", "lastName", p -> p.put("lastName", " ")));
        cases.add(person("lastName missing", "lastName", p -> p.remove("lastName")));
        cases.add(person("lastName not a string", "lastName", p -> p.put("lastName", List.of("Durand"))));
        cases.add(person("lastName too long", "lastName", p -> p.put("lastName", "x".repeat(101))));
        cases.add(person("firstName null", "firstName", p -> p.put("firstName", null)));
        cases.add(person("birthDate in the future", "birthDate", p -> p.put("birthDate", FUTURE)));
        cases.add(person("birthDate badly written", "birthDate", p -> p.put("birthDate", "17/05/1980")));
        cases.add(person("birthDate before 1900", "birthDate", p -> p.put("birthDate", "1899-12-31")));
        cases.add(person("birthDate after entry", "birthDate", p -> p.put("birthDate", "2016-03-01")));
        cases.add(person("birthDate missing", "birthDate", p -> p.remove("birthDate")));
        cases.add(person("sex unknown", "sex", p -> p.put("sex", "F")));
        cases.add(person("sex as a number", "sex", p -> p.put("sex", 1)));
        cases.add(person("sex missing", "sex", p -> p.remove("sex")));
        cases.add(person("nir with a wrong key", "nir", p -> p.put("nir", "274027512345628")));
        cases.add(person("nir too short", "nir", p -> p.put("nir", "27402751234")));
        cases.add(person("nir with letters", "nir", p -> p.put("nir", "2740275ABC45629")));
        cases.add(person("nir Corsica with a wrong key", "nir", p -> p.put("nir", "274022A12345685")));
        cases.add(person("nir with département 2C", "nir", p -> p.put("nir", "274022C12345686")));
        cases.add(person("nir as a number", "nir", p -> p.put("nir", List.of(2740275))));
        cases.add(person("franceTravailId malformed", "franceTravailId", p -> p.put("franceTravailId", "ab-12")));
        cases.add(person("contact.email malformed", "contact.email", p -> nested(p, "contact").put("email", "not-an-email")));
        cases.add(person("contact.phone malformed", "contact.phone", p -> nested(p, "contact").put("phone", "12345")));
        cases.add(person("contact.address.postalCode malformed", "contact.address.postalCode",
                p -> nested(nested(p, "contact"), "address").put("postalCode", "7501")));
        cases.add(person("contact not an object", "contact", p -> p.put("contact", List.of())));
        cases.add(person("statusAtEntry unknown", "statusAtEntry", p -> p.put("statusAtEntry", "UNEMPLOYED")));
        cases.add(person("statusAtEntry missing", "statusAtEntry", p -> p.remove("statusAtEntry")));
        cases.add(person("boeRecognition.type unknown", "boeRecognition.type",
                p -> nested(p, "boeRecognition").put("type", "DISABLED")));
        cases.add(person("boeRecognition.type missing", "boeRecognition.type",
                p -> nested(p, "boeRecognition").remove("type")));
        cases.add(person("boeRecognition ends before it starts", "boeRecognition.validUntil",
                p -> nested(p, "boeRecognition").put("validUntil", "2014-01-01")));
        cases.add(person("boeRecognition not an object", "boeRecognition", p -> p.put("boeRecognition", "RQTH")));
        cases.add(person("qualificationLevel unknown", "qualificationLevel", p -> p.put("qualificationLevel", "LEVEL_9")));
        cases.add(person("inactivityMonths negative", "inactivityMonths", p -> p.put("inactivityMonths", -1)));
        cases.add(person("inactivityMonths too large", "inactivityMonths", p -> p.put("inactivityMonths", 601)));
        cases.add(person("inactivityMonths not a number", "inactivityMonths", p -> p.put("inactivityMonths", "douze")));
        cases.add(person("orientationSource unknown", "orientationSource", p -> p.put("orientationSource", "FRANCE_TRAVAIL")));
        cases.add(person("orientationSource missing", "orientationSource", p -> p.remove("orientationSource")));
        cases.add(person("entryDate in the future", "entryDate", p -> p.put("entryDate", FUTURE)));
        cases.add(person("entryDate missing", "entryDate", p -> p.remove("entryDate")));
        cases.add(person("entryDate null", "entryDate", p -> p.put("entryDate", null)));
        cases.add(person("referentCounsellorId not a UUID", "referentCounsellorId", p -> p.put("referentCounsellorId", "C12")));
        cases.add(person("referentCounsellorId unknown", "referentCounsellorId",
                p -> p.put("referentCounsellorId", UUID.randomUUID().toString())));
        cases.add(person("referentCounsellorId of another structure", "referentCounsellorId",
                p -> p.put("referentCounsellorId", "{d}")));
        cases.add(person("referentCounsellorId inactive", "referentCounsellorId", p -> p.put("referentCounsellorId", "{i}")));
        cases.add(person("unknown field", "religion", p -> p.put("religion", "none")));
        Map<String, Object> referral = Fixtures.person();
        referral.put("structureId", UUID.randomUUID().toString());
        cases.add(new Case("partner referral to an unknown structure", "partner", "POST", "/api/v1/beneficiaries",
                Fixtures.json(referral), "structureId"));
        referral.put("structureId", "{s}");
        referral.put("referentCounsellorId", "{c}");
        cases.add(new Case("partner naming a referent", "partner", "POST", "/api/v1/beneficiaries",
                Fixtures.json(referral), "referentCounsellorId"));
        cases.add(new Case("Idempotency-Key too short", "counsellor", "POST", "/api/v1/beneficiaries?key=short",
                Fixtures.json(Fixtures.person()), "Idempotency-Key"));

        // profile changes (merge patch, with the current ETag)
        String patch = "/api/v1/beneficiaries/{b}";
        cases.add(new Case("patch sex unknown", "counsellor", "PATCH", patch, "{\"sex\":\"X\"}", "sex"));
        cases.add(new Case("patch nir with a wrong key", "counsellor", "PATCH", patch, "{\"nir\":\"185016912304596\"}", "nir"));
        cases.add(new Case("patch birthDate in the future", "counsellor", "PATCH", patch,
                "{\"birthDate\":\"" + FUTURE + "\"}", "birthDate"));
        cases.add(new Case("patch lastName removed", "counsellor", "PATCH", patch, "{\"lastName\":null}", "lastName"));
        cases.add(new Case("patch entryDate in the future", "counsellor", "PATCH", patch,
                "{\"entryDate\":\"" + FUTURE + "\"}", "entryDate"));
        cases.add(new Case("patch entryDate before birth", "counsellor", "PATCH", patch,
                "{\"entryDate\":\"1979-01-01\"}", "birthDate"));
        cases.add(new Case("patch contact.email malformed", "counsellor", "PATCH", patch,
                "{\"contact\":{\"email\":\"x@\"}}", "contact.email"));
        cases.add(new Case("patch inactivityMonths not a number", "counsellor", "PATCH", patch,
                "{\"inactivityMonths\":\"six\"}", "inactivityMonths"));
        cases.add(new Case("patch structureId", "counsellor", "PATCH", patch, "{\"structureId\":\"{t}\"}", "structureId"));
        cases.add(new Case("patch not an object", "counsellor", "PATCH", patch, "[]", "body"));

        // referent, exit
        String referent = "/api/v1/beneficiaries/{b}/referent";
        cases.add(new Case("referent missing", "counsellor", "PUT", referent, "{}", "counsellorId"));
        cases.add(new Case("referent unknown", "counsellor", "PUT", referent,
                "{\"counsellorId\":\"" + UUID.randomUUID() + "\",\"assignedOn\":\"2016-10-03\"}", "counsellorId"));
        cases.add(new Case("referent of another structure", "counsellor", "PUT", referent, "{\"counsellorId\":\"{d}\",\"assignedOn\":\"2016-10-03\"}",
                "counsellorId"));
        cases.add(new Case("referent inactive", "counsellor", "PUT", referent, "{\"counsellorId\":\"{i}\",\"assignedOn\":\"2016-10-03\"}",
                "counsellorId"));
        cases.add(new Case("referent without assignedOn", "counsellor", "PUT", referent, "{\"counsellorId\":\"{c}\"}",
                "assignedOn"));
        cases.add(new Case("referent assigned before entry", "counsellor", "PUT", referent,
                "{\"counsellorId\":\"{c}\",\"assignedOn\":\"2016-01-01\"}", "assignedOn"));
        cases.add(new Case("referent assigned in the future", "counsellor", "PUT", referent,
                "{\"counsellorId\":\"{c}\",\"assignedOn\":\"" + FUTURE + "\"}", "assignedOn"));
        String exit = "/api/v1/beneficiaries/{b}/exit";
        cases.add(new Case("exit before entry", "counsellor", "POST", exit,
                "{\"exitDate\":\"2016-02-14\",\"reason\":\"MOVED\"}", "exitDate"));
        cases.add(new Case("exit in the future", "counsellor", "POST", exit,
                "{\"exitDate\":\"" + FUTURE + "\",\"reason\":\"MOVED\"}", "exitDate"));
        cases.add(new Case("exit date impossible", "counsellor", "POST", exit,
                "{\"exitDate\":\"2017-13-01\",\"reason\":\"MOVED\"}", "exitDate"));
        cases.add(new Case("exit reason unknown", "counsellor", "POST", exit,
                "{\"exitDate\":\"2017-01-02\",\"reason\":\"RETIRED\"}", "reason"));
        cases.add(new Case("exit reason missing", "counsellor", "POST", exit, "{\"exitDate\":\"2017-01-02\"}", "reason"));

        // consents
        String consents = "/api/v1/beneficiaries/{b}/consents";
        cases.add(new Case("consent scope unknown", "counsellor", "POST", consents,
                "{\"scope\":\"CPF_MOBILISATION\",\"givenOn\":\"2016-03-01\",\"modality\":\"SIGNED_FORM\"}", "scope"));
        cases.add(new Case("consent modality missing", "counsellor", "POST", consents,
                "{\"scope\":\"DATA_PROCESSING\",\"givenOn\":\"2016-03-01\"}", "modality"));
        cases.add(new Case("consent without givenOn", "counsellor", "POST", consents,
                "{\"scope\":\"DATA_PROCESSING\",\"modality\":\"SIGNED_FORM\"}", "givenOn"));
        cases.add(new Case("consent given in the future", "counsellor", "POST", consents,
                "{\"scope\":\"DATA_PROCESSING\",\"modality\":\"SIGNED_FORM\",\"givenOn\":\"" + FUTURE + "\"}", "givenOn"));
        String withdrawal = consents + "/{k}/withdrawal";
        cases.add(new Case("withdrawal before the consent", "counsellor", "POST", withdrawal,
                "{\"withdrawnOn\":\"2016-02-14\",\"modality\":\"SIGNED_FORM\"}", "withdrawnOn"));
        cases.add(new Case("withdrawal modality unknown", "counsellor", "POST", withdrawal,
                "{\"withdrawnOn\":\"2016-06-01\",\"modality\":\"PHONE\"}", "modality"));
        cases.add(new Case("withdrawal without withdrawnOn", "counsellor", "POST", withdrawal,
                "{\"modality\":\"SIGNED_FORM\"}", "withdrawnOn"));

        // counsellors
        cases.add(new Case("counsellor name blank", "admin", "POST", "/api/v1/structures/{s}/counsellors",
                "{\"displayName\":\"\",\"activeFrom\":\"2016-01-04\"}", "displayName"));
        cases.add(new Case("counsellor without activeFrom", "admin", "POST", "/api/v1/structures/{s}/counsellors",
                "{\"displayName\":\"A\"}", "activeFrom"));
        cases.add(new Case("structure without registeredOn", "admin", "POST", "/api/v1/structures",
                "{\"code\":\"ZZ99\",\"name\":\"Cap emploi\",\"region\":\"53\",\"department\":\"35\"}", "registeredOn"));
        cases.add(new Case("counsellor start badly written", "admin", "POST", "/api/v1/structures/{s}/counsellors",
                "{\"displayName\":\"A\",\"activeFrom\":\"janvier\"}", "activeFrom"));
        cases.add(new Case("counsellor ends before it starts", "admin", "PATCH", "/api/v1/counsellors/{c}",
                "{\"activeUntil\":\"2014-12-31\"}", "activeUntil"));
        cases.add(new Case("counsellor name removed", "admin", "PATCH", "/api/v1/counsellors/{c}",
                "{\"displayName\":null}", "displayName"));

        // lists and searches
        cases.add(new Case("list state ERASED", "counsellor", "GET", "/api/v1/beneficiaries?state=ERASED", null, "state"));
        cases.add(new Case("list status unknown", "counsellor", "GET", "/api/v1/beneficiaries?statusAtEntry=X", null,
                "statusAtEntry"));
        cases.add(new Case("list source unknown", "counsellor", "GET", "/api/v1/beneficiaries?orientationSource=X", null,
                "orientationSource"));
        cases.add(new Case("list period badly written", "counsellor", "GET", "/api/v1/beneficiaries?enteredFrom=2016",
                null, "enteredFrom"));
        cases.add(new Case("list period reversed", "counsellor", "GET",
                "/api/v1/beneficiaries?enteredFrom=2017-01-01&enteredTo=2016-01-01", null, "enteredTo"));
        cases.add(new Case("list referent not a UUID", "counsellor", "GET",
                "/api/v1/beneficiaries?referentCounsellorId=abc", null, "referentCounsellorId"));
        cases.add(new Case("list page too large", "counsellor", "GET", "/api/v1/beneficiaries?size=500", null, "size"));
        cases.add(new Case("search nir with a wrong key", "counsellor", "POST", "/api/v1/beneficiaries/search",
                "{\"nir\":\"274027512345628\"}", "nir"));
        cases.add(new Case("search state unknown", "counsellor", "POST", "/api/v1/beneficiaries/search",
                "{\"state\":\"ERASED\"}", "state"));
        cases.add(new Case("counsellor list active filter", "admin", "GET", "/api/v1/structures/{s}/counsellors?active=yes",
                null, "active"));
        return cases.stream();
    }

    /** A badly written date, an unknown code and a missing name: the one answer names all three. */
    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Map<String, Object> person = Fixtures.person();
        person.put("birthDate", "17/05/1980");
        person.put("sex", "F");
        person.remove("lastName");
        Response response = given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID()))
                .contentType("application/json").body(Fixtures.json(person)).post("/api/v1/beneficiaries");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("violations.field", String.class)).as(response.asString())
                .containsExactly("birthDate", "lastName", "sex");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("3 fields are invalid");
    }

    @Override
    protected Response send(Case input, Map<String, String> ids) {
        String path = fill(input.path(), ids);
        RequestSpecification request = given().auth().oauth2(token(input.who(), ids));
        if (input.method().equals("PATCH") && path.contains("/beneficiaries/")) {
            request.header("If-Match", ids.get(PERSON_ETAG));
        } else if (input.method().equals("PATCH")) {
            request.header("If-Match", ids.get(COUNSELLOR_ETAG));
        }
        if (path.endsWith("?key=short")) {
            path = path.replace("?key=short", "");
            request.header("Idempotency-Key", "short");
        }
        if (input.body() != null) {
            request.contentType(input.method().equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body(fill(input.body(), ids));
        }
        return request.request(input.method(), path);
    }

    private static String token(String who, Map<String, String> ids) {
        UUID structure = UUID.fromString(ids.get("{s}"));
        return switch (who) {
            case "admin" -> TestTokens.admin();
            case "partner" -> TestTokens.partner();
            default -> TestTokens.counsellor(structure);
        };
    }

    private static String fill(String text, Map<String, String> ids) {
        String filled = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace(id.getKey(), id.getValue());
        }
        return filled;
    }

    /** Row counts of every table, and the versions of the records the requests aim at. */
    @Override
    protected Object observe(Map<String, String> ids) {
        try {
            return snapshot(ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> snapshot(Map<String, String> ids) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("structure", "counsellor", "beneficiary", "consent", "access_log_entry",
                    "outbox_event", "idempotent_request", "idempotent_response")) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            counts.put("beneficiary version", single(statement, "SELECT version FROM beneficiary WHERE id = '" + ids.get("{b}") + "'"));
            counts.put("counsellor version", single(statement, "SELECT version FROM counsellor WHERE id = '" + ids.get("{c}") + "'"));
            counts.put("consents withdrawn", single(statement, "SELECT count(*) FROM consent WHERE withdrawn_on IS NOT NULL"));
        }
        return counts;
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
