package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: any counsellor id was accepted. A counsellor named in a body must be one the beneficiary service
 * announced for the caller's structure; otherwise 404 {@code unknown-reference} naming {@code counsellorId}, the
 * answer every service gives for an unknown or foreign reference.
 */
@QuarkusTest
class CounsellorReferenceTest {

    private final UUID structure = UUID.randomUUID();

    @Inject
    CounsellorDirectory directory;

    @Inject
    EntityManager entityManager;

    @Inject
    EntityManagerFactory entityManagerFactory;

    private String project(UUID beneficiary, UUID counsellor) {
        String body = Fixtures.projectBody(beneficiary);
        return body.substring(0, body.length() - 1) + ",\"counsellorId\":\"" + counsellor + "\"}";
    }

    @Test
    void aCounsellorOfTheStructureIsAccepted() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID counsellor = Fixtures.announceCounsellor(structure);
        as(TestTokens.counsellor(structure)).body(project(beneficiary, counsellor)).post("/api/v1/cpf/training-projects")
                .then().statusCode(201).body("counsellorId", equalTo(counsellor.toString()));
    }

    @Test
    void anotherStructuresCounsellorIsRefused() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID foreign = Fixtures.announceCounsellor(UUID.randomUUID());
        Fixtures.announceCounsellor(structure);
        as(TestTokens.counsellor(structure)).body(project(beneficiary, foreign)).post("/api/v1/cpf/training-projects")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/unknown-reference"))
                .body("violations[0].field", equalTo("counsellorId"));
        as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-05-02\",\"counsellorId\":\"" + foreign + "\"}")
                .put(account(beneficiary) + "/presentation").then().statusCode(404)
                .body("violations[0].field", equalTo("counsellorId"));
    }

    /**
     * On a consent too. An id nobody announced gets the same answer once the wait is over: that rule is proven once,
     * without waiting, by the platform's {@code DirectoryReferencesTest}.
     */
    @Test
    void aCounsellorUnknownInTheStructureIsRefusedOnAConsent() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID foreign = Fixtures.announceCounsellor(UUID.randomUUID());
        as(TestTokens.counsellor(structure))
                .body("{\"givenOn\":\"2016-05-17\",\"modality\":\"SIGNED_STANDARD_LETTER\",\"counsellorId\":\""
                        + foreign + "\"}")
                .post(account(beneficiary) + "/consents").then().statusCode(404)
                .body("violations[0].field", equalTo("counsellorId"));
    }

    /** A token naming its counsellor (claim counsellor_id): a project sent without counsellorId is credited to it. */
    @Test
    void theTokensCounsellorIsCreditedWhenTheBodyNamesNone() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID counsellor = Fixtures.announceCounsellor(structure);
        UUID named = Fixtures.announceCounsellor(structure);
        as(TestTokens.counsellor(structure, counsellor)).body(Fixtures.projectBody(beneficiary))
                .post("/api/v1/cpf/training-projects")
                .then().statusCode(201).body("counsellorId", equalTo(counsellor.toString()));
        as(TestTokens.counsellor(structure, counsellor)).body(project(beneficiary, named))
                .post("/api/v1/cpf/training-projects")
                .then().statusCode(201).body("counsellorId", equalTo(named.toString()));
        as(TestTokens.counsellor(structure)).body(Fixtures.projectBody(beneficiary))
                .post("/api/v1/cpf/training-projects")
                .then().statusCode(201).body("counsellorId", nullValue());
    }

    /**
     * Every look at a counsellor runs one query plan, kept once by the session factory. Read with a result class, the
     * look's plan was keyed by the SQL's hash and a result mapping never equal to the previous look's: each look added
     * a plan to one bin of the factory's plan cache and compared itself with all the others there, a cost growing with
     * the run up to the cache's 2,048 entries (cep's hottest frame in the demo, bench/JOURNAL.md 2026-12-07). The row
     * is written as the directory's projection writes it, without the broker: the look is what is tested here.
     */
    @Test
    void aCounsellorsLooksShareOneQueryPlan() {
        UUID counsellor = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("INSERT INTO known_counsellor (counsellor_id, structure_id) VALUES (?1, ?2)")
                .setParameter(1, counsellor).setParameter(2, structure).executeUpdate());
        Optional<CounsellorDirectory.Counsellor> known = Optional.of(new CounsellorDirectory.Counsellor(counsellor,
                structure));
        assertThat(look(counsellor)).isEqualTo(known);
        QueryInterpretationCache plans = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine()
                .getInterpretationCache();
        int before = plans.getNumberOfCachedQueryPlans();
        int looks = 100;
        for (int i = 0; i < looks / 2; i++) {
            assertThat(look(counsellor)).isEqualTo(known);
            assertThat(look(UUID.randomUUID())).isEmpty();
        }
        // the service's own threads (relay, consumers) may plan a statement of theirs meanwhile: a few, not one a look
        assertThat(plans.getNumberOfCachedQueryPlans() - before).as("query plans cached by %d looks", looks)
                .isLessThan(looks / 10);
    }

    private Optional<CounsellorDirectory.Counsellor> look(UUID counsellor) {
        return QuarkusTransaction.requiringNew().call(() -> directory.find(counsellor));
    }
}
