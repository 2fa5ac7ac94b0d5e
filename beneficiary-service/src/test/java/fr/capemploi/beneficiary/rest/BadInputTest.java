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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** The records the bad requests aim at; paths use {s} {t} {b} {k} {c} {i} {d} for them, {u} for none. */
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
        map.put("{u}", UUID.randomUUID().toString());
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

    /**
     * name | who | method | path | field the refusal names | body. A body {@code person; edit; ...} is a valid
     * registration with these edits ({@code field = JSON value}, or a field alone to leave it out); no body, no
     * request body. {@code {u}} is an id nobody registered; the other braces are {@link #newTarget()}'s records.
     */
    @Override
    protected Stream<Case> cases() {
        return table(6, """
                # registration: every field
                lastName blank                        | counsellor | POST | /api/v1/beneficiaries | lastName                   | person; lastName = " "
                lastName missing                      | counsellor | POST | /api/v1/beneficiaries | lastName                   | person; lastName
                lastName not a string                 | counsellor | POST | /api/v1/beneficiaries | lastName                   | person; lastName = ["Durand"]
                lastName too long                     | counsellor | POST | /api/v1/beneficiaries | lastName                   | person; lastName = "{x*101}"
                firstName null                        | counsellor | POST | /api/v1/beneficiaries | firstName                  | person; firstName = null
                birthDate in the future               | counsellor | POST | /api/v1/beneficiaries | birthDate                  | person; birthDate = "{future}"
                birthDate badly written               | counsellor | POST | /api/v1/beneficiaries | birthDate                  | person; birthDate = "17/05/1980"
                birthDate before 1900                 | counsellor | POST | /api/v1/beneficiaries | birthDate                  | person; birthDate = "1899-12-31"
                birthDate after entry                 | counsellor | POST | /api/v1/beneficiaries | birthDate                  | person; birthDate = "2016-03-01"
                birthDate missing                     | counsellor | POST | /api/v1/beneficiaries | birthDate                  | person; birthDate
                sex unknown                           | counsellor | POST | /api/v1/beneficiaries | sex                        | person; sex = "F"
                sex as a number                       | counsellor | POST | /api/v1/beneficiaries | sex                        | person; sex = 1
                sex missing                           | counsellor | POST | /api/v1/beneficiaries | sex                        | person; sex
                nir with a wrong key                  | counsellor | POST | /api/v1/beneficiaries | nir                        | person; nir = "274027512345628"
                nir too short                         | counsellor | POST | /api/v1/beneficiaries | nir                        | person; nir = "27402751234"
                nir with letters                      | counsellor | POST | /api/v1/beneficiaries | nir                        | person; nir = "2740275ABC45629"
                nir Corsica with a wrong key          | counsellor | POST | /api/v1/beneficiaries | nir                        | person; nir = "274022A12345685"
                nir with département 2C               | counsellor | POST | /api/v1/beneficiaries | nir                        | person; nir = "274022C12345686"
                nir as a number                       | counsellor | POST | /api/v1/beneficiaries | nir                        | person; nir = [2740275]
                franceTravailId malformed             | counsellor | POST | /api/v1/beneficiaries | franceTravailId            | person; franceTravailId = "ab-12"
                contact.email malformed               | counsellor | POST | /api/v1/beneficiaries | contact.email              | person; contact.email = "not-an-email"
                contact.phone malformed               | counsellor | POST | /api/v1/beneficiaries | contact.phone              | person; contact.phone = "12345"
                contact.address.postalCode malformed  | counsellor | POST | /api/v1/beneficiaries | contact.address.postalCode | person; contact.address.postalCode = "7501"
                contact not an object                 | counsellor | POST | /api/v1/beneficiaries | contact                    | person; contact = []
                statusAtEntry unknown                 | counsellor | POST | /api/v1/beneficiaries | statusAtEntry              | person; statusAtEntry = "UNEMPLOYED"
                statusAtEntry missing                 | counsellor | POST | /api/v1/beneficiaries | statusAtEntry              | person; statusAtEntry
                boeRecognition.type unknown           | counsellor | POST | /api/v1/beneficiaries | boeRecognition.type        | person; boeRecognition.type = "DISABLED"
                boeRecognition.type missing           | counsellor | POST | /api/v1/beneficiaries | boeRecognition.type        | person; boeRecognition.type
                boeRecognition ends before it starts  | counsellor | POST | /api/v1/beneficiaries | boeRecognition.validUntil  | person; boeRecognition.validUntil = "2014-01-01"
                boeRecognition not an object          | counsellor | POST | /api/v1/beneficiaries | boeRecognition             | person; boeRecognition = "RQTH"
                qualificationLevel unknown            | counsellor | POST | /api/v1/beneficiaries | qualificationLevel         | person; qualificationLevel = "LEVEL_9"
                inactivityMonths negative             | counsellor | POST | /api/v1/beneficiaries | inactivityMonths           | person; inactivityMonths = -1
                inactivityMonths too large            | counsellor | POST | /api/v1/beneficiaries | inactivityMonths           | person; inactivityMonths = 601
                inactivityMonths not a number         | counsellor | POST | /api/v1/beneficiaries | inactivityMonths           | person; inactivityMonths = "douze"
                orientationSource unknown             | counsellor | POST | /api/v1/beneficiaries | orientationSource          | person; orientationSource = "FRANCE_TRAVAIL"
                orientationSource missing             | counsellor | POST | /api/v1/beneficiaries | orientationSource          | person; orientationSource
                entryDate in the future               | counsellor | POST | /api/v1/beneficiaries | entryDate                  | person; entryDate = "{future}"
                entryDate missing                     | counsellor | POST | /api/v1/beneficiaries | entryDate                  | person; entryDate
                entryDate null                        | counsellor | POST | /api/v1/beneficiaries | entryDate                  | person; entryDate = null
                referentCounsellorId not a UUID       | counsellor | POST | /api/v1/beneficiaries | referentCounsellorId       | person; referentCounsellorId = "C12"
                referentCounsellorId unknown          | counsellor | POST | /api/v1/beneficiaries | referentCounsellorId       | person; referentCounsellorId = "{u}"
                referentCounsellorId of another structure | counsellor | POST | /api/v1/beneficiaries | referentCounsellorId   | person; referentCounsellorId = "{d}"
                referentCounsellorId inactive         | counsellor | POST | /api/v1/beneficiaries | referentCounsellorId       | person; referentCounsellorId = "{i}"
                unknown field                         | counsellor | POST | /api/v1/beneficiaries | religion                   | person; religion = "none"
                partner referral to an unknown structure | partner | POST | /api/v1/beneficiaries  | structureId                | person; structureId = "{u}"
                partner naming a referent             | partner    | POST | /api/v1/beneficiaries | referentCounsellorId       | person; structureId = "{s}"; referentCounsellorId = "{c}"
                Idempotency-Key too short             | counsellor | POST | /api/v1/beneficiaries?key=short | Idempotency-Key  | person

                # profile changes (merge patch, with the current ETag)
                patch sex unknown                     | counsellor | PATCH | /api/v1/beneficiaries/{b} | sex                  | {"sex":"X"}
                patch nir with a wrong key            | counsellor | PATCH | /api/v1/beneficiaries/{b} | nir                  | {"nir":"185016912304596"}
                patch birthDate in the future         | counsellor | PATCH | /api/v1/beneficiaries/{b} | birthDate            | {"birthDate":"{future}"}
                patch lastName removed                | counsellor | PATCH | /api/v1/beneficiaries/{b} | lastName             | {"lastName":null}
                patch entryDate in the future         | counsellor | PATCH | /api/v1/beneficiaries/{b} | entryDate            | {"entryDate":"{future}"}
                patch entryDate before birth          | counsellor | PATCH | /api/v1/beneficiaries/{b} | birthDate            | {"entryDate":"1979-01-01"}
                patch contact.email malformed         | counsellor | PATCH | /api/v1/beneficiaries/{b} | contact.email        | {"contact":{"email":"x@"}}
                patch inactivityMonths not a number   | counsellor | PATCH | /api/v1/beneficiaries/{b} | inactivityMonths     | {"inactivityMonths":"six"}
                patch structureId                     | counsellor | PATCH | /api/v1/beneficiaries/{b} | structureId          | {"structureId":"{t}"}
                patch not an object                   | counsellor | PATCH | /api/v1/beneficiaries/{b} | body                 | []

                # referent, exit
                referent missing                      | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | counsellorId | {}
                referent unknown                      | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | counsellorId | {"counsellorId":"{u}","assignedOn":"2016-10-03"}
                referent of another structure         | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | counsellorId | {"counsellorId":"{d}","assignedOn":"2016-10-03"}
                referent inactive                     | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | counsellorId | {"counsellorId":"{i}","assignedOn":"2016-10-03"}
                referent without assignedOn           | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | assignedOn   | {"counsellorId":"{c}"}
                referent assigned before entry        | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | assignedOn   | {"counsellorId":"{c}","assignedOn":"2016-01-01"}
                referent assigned in the future       | counsellor | PUT  | /api/v1/beneficiaries/{b}/referent | assignedOn   | {"counsellorId":"{c}","assignedOn":"{future}"}
                exit before entry                     | counsellor | POST | /api/v1/beneficiaries/{b}/exit     | exitDate     | {"exitDate":"2016-02-14","reason":"MOVED"}
                exit in the future                    | counsellor | POST | /api/v1/beneficiaries/{b}/exit     | exitDate     | {"exitDate":"{future}","reason":"MOVED"}
                exit date impossible                  | counsellor | POST | /api/v1/beneficiaries/{b}/exit     | exitDate     | {"exitDate":"2017-13-01","reason":"MOVED"}
                exit reason unknown                   | counsellor | POST | /api/v1/beneficiaries/{b}/exit     | reason       | {"exitDate":"2017-01-02","reason":"RETIRED"}
                exit reason missing                   | counsellor | POST | /api/v1/beneficiaries/{b}/exit     | reason       | {"exitDate":"2017-01-02"}

                # consents
                consent scope unknown                 | counsellor | POST | /api/v1/beneficiaries/{b}/consents | scope   | {"scope":"CPF_MOBILISATION","givenOn":"2016-03-01","modality":"SIGNED_FORM"}
                consent modality missing              | counsellor | POST | /api/v1/beneficiaries/{b}/consents | modality | {"scope":"DATA_PROCESSING","givenOn":"2016-03-01"}
                consent without givenOn               | counsellor | POST | /api/v1/beneficiaries/{b}/consents | givenOn  | {"scope":"DATA_PROCESSING","modality":"SIGNED_FORM"}
                consent given in the future           | counsellor | POST | /api/v1/beneficiaries/{b}/consents | givenOn  | {"scope":"DATA_PROCESSING","modality":"SIGNED_FORM","givenOn":"{future}"}
                withdrawal before the consent         | counsellor | POST | /api/v1/beneficiaries/{b}/consents/{k}/withdrawal | withdrawnOn | {"withdrawnOn":"2016-02-14","modality":"SIGNED_FORM"}
                withdrawal modality unknown           | counsellor | POST | /api/v1/beneficiaries/{b}/consents/{k}/withdrawal | modality    | {"withdrawnOn":"2016-06-01","modality":"PHONE"}
                withdrawal without withdrawnOn        | counsellor | POST | /api/v1/beneficiaries/{b}/consents/{k}/withdrawal | withdrawnOn | {"modality":"SIGNED_FORM"}

                # counsellors
                counsellor name blank                 | admin | POST  | /api/v1/structures/{s}/counsellors | displayName  | {"displayName":"","activeFrom":"2016-01-04"}
                counsellor without activeFrom         | admin | POST  | /api/v1/structures/{s}/counsellors | activeFrom   | {"displayName":"A"}
                structure without registeredOn        | admin | POST  | /api/v1/structures                 | registeredOn | {"code":"ZZ99","name":"Cap emploi","region":"53","department":"35"}
                counsellor start badly written        | admin | POST  | /api/v1/structures/{s}/counsellors | activeFrom   | {"displayName":"A","activeFrom":"janvier"}
                counsellor ends before it starts      | admin | PATCH | /api/v1/counsellors/{c}            | activeUntil  | {"activeUntil":"2014-12-31"}
                counsellor name removed               | admin | PATCH | /api/v1/counsellors/{c}            | displayName  | {"displayName":null}

                # lists and searches
                list state ERASED                     | counsellor | GET  | /api/v1/beneficiaries?state=ERASED                                  | state                |
                list status unknown                   | counsellor | GET  | /api/v1/beneficiaries?statusAtEntry=X                               | statusAtEntry        |
                list source unknown                   | counsellor | GET  | /api/v1/beneficiaries?orientationSource=X                           | orientationSource    |
                list period badly written             | counsellor | GET  | /api/v1/beneficiaries?enteredFrom=2016                              | enteredFrom          |
                list period reversed                  | counsellor | GET  | /api/v1/beneficiaries?enteredFrom=2017-01-01&enteredTo=2016-01-01   | enteredTo            |
                list referent not a UUID              | counsellor | GET  | /api/v1/beneficiaries?referentCounsellorId=abc                      | referentCounsellorId |
                list page too large                   | counsellor | GET  | /api/v1/beneficiaries?size=500                                      | size                 |
                search nir with a wrong key           | counsellor | POST | /api/v1/beneficiaries/search                                        | nir                  | {"nir":"274027512345628"}
                search state unknown                  | counsellor | POST | /api/v1/beneficiaries/search                                        | state                | {"state":"ERASED"}
                counsellor list active filter         | admin      | GET  | /api/v1/structures/{s}/counsellors?active=yes                       | active               |
                """).map(row -> new Case(row[0], row[1], row[2], row[3], body(row[5]), row[4]));
    }

    private static String body(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (!cell.startsWith("person")) {
            return cell;
        }
        String person = Fixtures.json(Fixtures.person());
        for (String edit : cell.split(";")) {
            person = edit.trim().equals("person") ? person : edited(person, edit);
        }
        return person;
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
                    "outbox_event", "idempotent_response")) {
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
