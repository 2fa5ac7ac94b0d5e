package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import fr.capemploi.testsupport.ErasedPersonChecks;
import fr.capemploi.testsupport.RegistryAccessLogStub;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Erased means erased: once the registry's BeneficiaryErased (published on the real broker) reached this service,
 * every write about the person, on their CPF account or through one of their training projects, is 410
 * beneficiary-erased and leaves every table and the outbox as they were. What was recorded before stays readable.
 */
@QuarkusTest
class ErasedBeneficiaryTest {

    private static final LocalDate ERASED_ON = LocalDate.of(2020, 1, 6);

    @Inject
    DataSource dataSource;

    private ErasedPersonChecks checks;

    @BeforeEach
    void checksOnThisServicesTables() {
        String ofProjects = "training_project_id IN (SELECT id FROM training_project WHERE beneficiary_id = ?)";
        checks = new ErasedPersonChecks(dataSource, new String[] {"cpf_account", "beneficiary_id = ?"},
                new String[] {"cpf_consent", "beneficiary_id = ?"},
                new String[] {"cpf_balance_statement", "beneficiary_id = ?"},
                new String[] {"training_project", "beneficiary_id = ?"}, new String[] {"funding_request", ofProjects},
                new String[] {"training_not_implemented_reason", ofProjects});
    }

    private final UUID structure = UUID.randomUUID();
    private final String counsellor = TestTokens.counsellor(structure);

    /**
     * A person's CPF work recorded before their erasure: presented, consent in force, a planned project with a
     * pending Agefiph line, and a started one.
     */
    private record Story(UUID beneficiary, UUID planned, UUID fundingRequest, UUID started) {

        String fill(String text) {
            return text.replace("{project}", Fixtures.projectBody(beneficiary)).replace("{b}", beneficiary.toString())
                    .replace("{p}", String.valueOf(planned)).replace("{r}", String.valueOf(fundingRequest))
                    .replace("{s}", String.valueOf(started));
        }
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
        checks.erase(beneficiary, structure, ERASED_ON);
        return new Story(beneficiary, planned, request, started);
    }

    /** A person erased before any CPF step: a refused step must not even open their account. */
    private UUID erasedWithoutAccount() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        checks.erase(beneficiary, structure, ERASED_ON);
        return beneficiary;
    }

    /**
     * Every write about the person, each on an erased person of its own: what | whose | method | path | body. A
     * {@code story} person has the CPF work of {@link #erasedStory()}, a {@code new} one none (a refused step must not
     * even open their account); {b} is the person, {p} the planned project, {r} its funding request, {s} the started
     * project, {project} a valid project of the person.
     */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            presentation          | new   | PUT  | /api/v1/cpf/accounts/{b}/presentation        | {"presentedOn":"2020-02-10"}
            presentation          | story | PUT  | /api/v1/cpf/accounts/{b}/presentation        | {"presentedOn":"2016-04-01"}
            opening step          | new   | PUT  | /api/v1/cpf/accounts/{b}/opening-assistance  | {"step":"ASSISTED","on":"2020-02-10"}
            consent               | new   | POST | /api/v1/cpf/accounts/{b}/consents            | {"givenOn":"2020-02-10","modality":"SIGNED_STANDARD_LETTER"}
            consent withdrawal    | story | POST | /api/v1/cpf/accounts/{b}/consents/withdrawal | {"withdrawnOn":"2020-02-10"}
            balance               | new   | PUT  | /api/v1/cpf/accounts/{b}/balance             | {"unit":"EUROS","amount":1200.00,"asOf":"2020-02-10"}
            training project      | story | POST | /api/v1/cpf/training-projects                | {project}
            funding request       | story | POST | /api/v1/cpf/training-projects/{p}/funding-requests | {"funder":"REGION","amount":1000.00,"requestedOn":"2020-02-10"}
            funder grant          | story | POST | /api/v1/cpf/training-projects/{p}/funding-requests/{r}/decision | {"decision":"GRANTED","answeredOn":"2020-02-10"}
            request withdrawn     | story | POST | /api/v1/cpf/training-projects/{p}/funding-requests/{r}/decision | {"decision":"WITHDRAWN","answeredOn":"2020-02-10"}
            start                 | story | POST | /api/v1/cpf/training-projects/{p}/start           | {"startedOn":"2016-09-12"}
            completion            | story | POST | /api/v1/cpf/training-projects/{s}/complete        | {"completedOn":"2017-03-31","certificationObtained":true}
            not implemented       | story | POST | /api/v1/cpf/training-projects/{p}/not-implemented | {"decidedOn":"2016-08-30","reasons":["COST_TOO_HIGH"]}
            """)
    void aWriteAboutThePersonIsRefused(String write, String whose, String method, String path, String body) {
        Story story = whose.equals("story") ? erasedStory() : new Story(erasedWithoutAccount(), null, null, null);
        checks.refused(story.beneficiary(), () -> as(counsellor).body(story.fill(body)).request(method,
                story.fill(path)));
    }

    /** An erasure seen before the registration (platform rule, as in cep-service): a tombstone, refused at once. */
    @Test
    void anErasureWhoseRegistrationWasNeverSeenLeavesATombstone() {
        UUID unseen = UUID.randomUUID();
        checks.erasedBeforeItsRegistrationArrived(unseen, structure, ERASED_ON, Fixtures.registration(unseen, structure));
        checks.refused(unseen, () -> as(counsellor).body("{\"presentedOn\":\"2020-02-10\"}")
                .put(account(unseen) + "/presentation"));
    }

    @Test
    void whatWasRecordedBeforeTheErasureStaysReadableAndEachReadIsInThePersonsAccessLog() {
        Story story = erasedStory();
        assertThat(RegistryAccessLogStub.entries(story.beneficiary())).isEmpty();
        as(counsellor).get(account(story.beneficiary())).then().statusCode(200)
                .body("presentedOn", equalTo("2016-05-02")).body("consents", hasSize(1));
        as(TestTokens.manager(structure)).get(project(story.planned())).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("fundingRequests", hasSize(1));
        as(counsellor).queryParam("beneficiaryId", story.beneficiary().toString()).get("/api/v1/cpf/training-projects")
                .then().statusCode(200).body("total", equalTo(2));

        // each read of a record, in beneficiary-service's log of the person, under the reader's own token
        assertThat(RegistryAccessLogStub.entries(story.beneficiary()))
                .extracting(RegistryAccessLogStub.Entry::record, RegistryAccessLogStub.Entry::callerName)
                .containsExactly(tuple("cpf-service/cpf-account/" + story.beneficiary(),
                                "counsellor-" + structure + "@test.cepcpf.fr"),
                        tuple("cpf-service/training-project/" + story.planned(),
                                "manager-" + structure + "@test.cepcpf.fr"));
    }

    @Test
    void aReadTheRegistryCannotTraceIsNotServed() {
        Story story = erasedStory();
        RegistryAccessLogStub.failWith(503);
        try {
            as(counsellor).get(project(story.started())).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", endsWith("/registry-unavailable")).body("status", equalTo(503));
        } finally {
            RegistryAccessLogStub.failWith(0);
        }
        // a person not erased: nothing to trace, the registry is not asked
        UUID other = Fixtures.knownBeneficiary(structure);
        as(counsellor).get(account(other)).then().statusCode(200);
        assertThat(RegistryAccessLogStub.entries(other)).isEmpty();
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
}
