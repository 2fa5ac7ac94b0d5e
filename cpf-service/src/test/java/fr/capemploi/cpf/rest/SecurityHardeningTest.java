package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audit finding: a NUL character in free text reached PostgreSQL and answered 500. */
@QuarkusTest
class SecurityHardeningTest {

    @Test
    void aNulCharacterInATitleIsABadRequestNamingTheField() {
        UUID structure = UUID.randomUUID();
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String body = Fixtures.projectBody(beneficiary).replace("Titre professionnel", "Titre\\u0000professionnel");
        as(TestTokens.counsellor(structure)).body(body).post("/api/v1/cpf/training-projects").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("title"));
    }
}
