package fr.capemploi.platform.security;

import static io.restassured.RestAssured.given;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audit finding: a token expiring 50 years ahead, or issued in the future, was accepted. */
@QuarkusTest
class TokenLifetimeTest {

    private final UUID structure = UUID.randomUUID();

    private int status(Instant issuedAt, Instant expiresAt) {
        String token = TestTokens.custom("lifetime@test.cepcpf.fr", null, structure, issuedAt, expiresAt,
                Roles.COUNSELLOR);
        return given().auth().oauth2(token).get("/test/widgets/mine/" + structure).then().extract().statusCode();
    }

    @Test
    void aTokenWithinTheBoundsIsAccepted() {
        Instant now = Instant.now();
        org.assertj.core.api.Assertions.assertThat(status(now, now.plus(Duration.ofHours(1)))).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(status(now.minusSeconds(30), now.minusSeconds(30).plus(Duration.ofHours(12))))
                .isEqualTo(200);
    }

    @Test
    void aTokenLivingFiftyYearsIsRefused() {
        Instant now = Instant.now();
        given().auth().oauth2(TestTokens.custom("long@test.cepcpf.fr", null, structure, now,
                now.plus(Duration.ofDays(365L * 50)), Roles.COUNSELLOR)).get("/test/widgets/mine/" + structure)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = Instant.now().plus(Duration.ofDays(365));
        given().auth().oauth2(TestTokens.custom("future@test.cepcpf.fr", null, structure, later,
                later.plus(Duration.ofHours(1)), Roles.COUNSELLOR)).get("/test/widgets/mine/" + structure)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedEvenIfNotExpired() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(13));
        given().auth().oauth2(TestTokens.custom("old@test.cepcpf.fr", null, structure, longAgo,
                longAgo.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(30)), Roles.COUNSELLOR))
                .get("/test/widgets/mine/" + structure).then().statusCode(401);
    }
}
