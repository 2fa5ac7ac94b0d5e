package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Erased means erased: once the registry's BeneficiaryErased (published on the real broker) reached this service,
 * every write about the person, on their CPF account or through one of their training projects, is 410
 * beneficiary-erased and leaves every table and the outbox as they were. What was recorded before stays readable.
 */
@QuarkusTest
class ErasedBeneficiaryTest {

    @Inject
    DataSource dataSource;

    private final UUID structure = UUID.randomUUID();
    private final String counsellor = TestTokens.counsellor(structure);

    /**
     * A person's CPF work recorded before their erasure: presented, consent in force, a planned project with a
     * pending Agefiph line, and a started one.
     */
    private record Story(UUID beneficiary, UUID planned, UUID fundingRequest, UUID started) {
    }

    private Story erasedStory() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        as(counsellor).body("{\"presentedOn\":\"2016-05-02\"}").put(account(beneficiary) + "/presentation")
                .then().statusCode(200);
        Fixtures.giveConsent(structure, beneficiary, "2016-05-17");
        UUID planned = Fixtures.createProject(structure, beneficiary);
        UUID request = Fixtures.requestFunding(structure, planned, "AGEFIPH", "2000.00");
        UUID started = Fixtures.createProject(structure, beneficiary);
        as(counsellor).body("{\"startedOn\":\"2016-09-12\"}").post(project(started) + "/start").then().statusCode(200);
        erase(beneficiary);
        return new Story(beneficiary, planned, request, started);
    }

    /** A person erased before any CPF step: a refused step must not even open their account. */
    private UUID erasedWithoutAccount() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        erase(beneficiary);
        return beneficiary;
    }

    @Test
    void theCpfIsNotPresented() {
        UUID beneficiary = erasedWithoutAccount();
        refused(beneficiary, () -> as(counsellor).body("{\"presentedOn\":\"2020-02-10\"}")
                .put(account(beneficiary) + "/presentation"));
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body("{\"presentedOn\":\"2016-04-01\"}")
                .put(account(story.beneficiary()) + "/presentation"));
    }

    @Test
    void noOpeningStepIsRecorded() {
        UUID beneficiary = erasedWithoutAccount();
        refused(beneficiary, () -> as(counsellor).body("{\"step\":\"ASSISTED\",\"on\":\"2020-02-10\"}")
                .put(account(beneficiary) + "/opening-assistance"));
    }

    @Test
    void noConsentIsGiven() {
        UUID beneficiary = erasedWithoutAccount();
        refused(beneficiary, () -> as(counsellor).body("{\"givenOn\":\"2020-02-10\",\"modality\":"
                + "\"SIGNED_STANDARD_LETTER\"}").post(account(beneficiary) + "/consents"));
    }

    @Test
    void theConsentInForceIsNotWithdrawn() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body("{\"withdrawnOn\":\"2020-02-10\"}")
                .post(account(story.beneficiary()) + "/consents/withdrawal"));
    }

    @Test
    void noBalanceIsRecorded() {
        UUID beneficiary = erasedWithoutAccount();
        refused(beneficiary, () -> as(counsellor).body("{\"unit\":\"EUROS\",\"amount\":1200.00,\"asOf\":\"2020-02-10\"}")
                .put(account(beneficiary) + "/balance"));
    }

    @Test
    void noTrainingProjectIsCreated() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body(Fixtures.projectBody(story.beneficiary()))
                .post("/api/v1/cpf/training-projects"));
    }

    @Test
    void noFundingIsRequested() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body("{\"funder\":\"REGION\",\"amount\":1000.00,"
                + "\"requestedOn\":\"2020-02-10\"}").post(project(story.planned()) + "/funding-requests"));
    }

    @Test
    void aFundersAnswerIsNotRecorded() {
        Story story = erasedStory();
        String decision = project(story.planned()) + "/funding-requests/" + story.fundingRequest() + "/decision";
        refused(story.beneficiary(), () -> as(counsellor).body("{\"decision\":\"GRANTED\",\"answeredOn\":\"2020-02-10\"}")
                .post(decision));
        refused(story.beneficiary(), () -> as(counsellor).body("{\"decision\":\"WITHDRAWN\",\"answeredOn\":\"2020-02-10\"}")
                .post(decision));
    }

    @Test
    void theTrainingDoesNotStart() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body("{\"startedOn\":\"2016-09-12\"}")
                .post(project(story.planned()) + "/start"));
    }

    @Test
    void theTrainingIsNotCompleted() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body("{\"completedOn\":\"2017-03-31\","
                + "\"certificationObtained\":true}").post(project(story.started()) + "/complete"));
    }

    @Test
    void theTrainingIsNotDeclaredNotImplemented() {
        Story story = erasedStory();
        refused(story.beneficiary(), () -> as(counsellor).body("{\"decidedOn\":\"2016-08-30\",\"reasons\":"
                + "[\"COST_TOO_HIGH\"]}").post(project(story.planned()) + "/not-implemented"));
    }

    @Test
    void whatWasRecordedBeforeTheErasureStaysReadable() {
        Story story = erasedStory();
        as(counsellor).get(account(story.beneficiary())).then().statusCode(200)
                .body("presentedOn", equalTo("2016-05-02")).body("consents", hasSize(1));
        as(TestTokens.manager(structure)).get(project(story.planned())).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("fundingRequests", hasSize(1));
        as(counsellor).queryParam("beneficiaryId", story.beneficiary().toString()).get("/api/v1/cpf/training-projects")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void theSameAnswerForEveryoneInTheStructure() {
        Story story = erasedStory();
        Response response = as(TestTokens.manager(structure)).body("{\"startedOn\":\"2016-09-12\"}")
                .post(project(story.planned()) + "/start");
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("Beneficiary " + story.beneficiary() + " was erased on 2020-01-06; nothing can be "
                        + "recorded about this person any more");
    }

    /** Publishes the erasure as the registry does and waits until this service has applied it. */
    private void erase(UUID beneficiary) {
        TestEvents.publish(new BeneficiaryErased(beneficiary, structure, LocalDate.of(2020, 1, 6)),
                Instant.parse("2020-01-06T08:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "1".equals(scalar("SELECT count(*) FROM known_beneficiary WHERE beneficiary_id = ? "
                        + "AND erased_on IS NOT NULL", beneficiary)));
    }

    /** 410 beneficiary-erased, and not a row nor an outbox event more or changed. */
    private void refused(UUID beneficiary, Supplier<Response> write) {
        Map<String, String> before = footprint(beneficiary);
        Response response = write.get();
        response.then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("/beneficiary-erased")).body("title", equalTo("Beneficiary erased"))
                .body("status", equalTo(410));
        assertThat(footprint(beneficiary)).isEqualTo(before);
    }

    /** Every row about the person, by content, and how many events about them the outbox holds. */
    private Map<String, String> footprint(UUID beneficiary) {
        Map<String, String> rows = new LinkedHashMap<>();
        String ofProjects = "training_project_id IN (SELECT id FROM training_project WHERE beneficiary_id = ?)";
        for (String[] table : new String[][] {{"cpf_account", "beneficiary_id = ?"},
                {"cpf_consent", "beneficiary_id = ?"}, {"cpf_balance_statement", "beneficiary_id = ?"},
                {"training_project", "beneficiary_id = ?"}, {"funding_request", ofProjects},
                {"training_not_implemented_reason", ofProjects}}) {
            rows.put(table[0], scalar("SELECT count(*) || ':' || coalesce(md5(string_agg(row_to_json(t)::text, ',' "
                    + "ORDER BY row_to_json(t)::text)), '') FROM " + table[0] + " t WHERE " + table[1], beneficiary));
        }
        // rows, not content: the relay marks them sent meanwhile
        rows.put("outbox_event", scalar("SELECT count(*) FROM outbox_event "
                + "WHERE convert_from(envelope, 'UTF8') LIKE '%' || ? || '%'", beneficiary.toString()));
        return rows;
    }

    private String scalar(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
