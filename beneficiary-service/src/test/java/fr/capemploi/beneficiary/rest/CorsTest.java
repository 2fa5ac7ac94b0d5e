package fr.capemploi.beneficiary.rest;

import fr.capemploi.testsupport.CorsChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The platform's CORS allow-list holds here too: the configured front end is let in, another origin is not. */
@QuarkusTest
class CorsTest {

    @Test
    void onlyTheConfiguredFrontEndIsLetIn() {
        CorsChecks.onlyTheConfiguredFrontEndIsLetIn("POST", "/api/v1/beneficiaries");
    }
}
