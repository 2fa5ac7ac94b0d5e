package fr.capemploi.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Verified tokens are reused for a short while, never beyond what the verifier itself would accept. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Inject
    VerifiedTokens verifiedTokens;

    private final UUID structure = UUID.randomUUID();

    private String token(Instant issuedAt, Instant expiresAt) {
        return TestTokens.custom("reuse@test.cepcpf.fr", null, structure, issuedAt, expiresAt, Roles.COUNSELLOR);
    }

    @Test
    void theBearerTokensOfRequestsAreParsedByTheReusingParser() {
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
        Instant now = Instant.now();
        String token = token(now, now.plus(Duration.ofHours(1)));

        given().auth().oauth2(token).get("/test/widgets/mine/" + structure).then().statusCode(200);

        // the request's verification is the one held: the request path went through this parser
        assertThat(verifiedTokens.reuseLeft(token)).isPresent();
        given().auth().oauth2(token).get("/test/widgets/mine/" + structure).then().statusCode(200);
    }

    @Test
    void aSecondParseOfTheSameTokenReusesTheFirstVerification() throws ParseException {
        Instant now = Instant.now();
        String token = token(now, now.plus(Duration.ofHours(1)));

        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aReuseNeverOutlivesTheTokenNorTheReuseBound() throws ParseException {
        Instant now = Instant.now();
        String shortLived = token(now, now.plusSeconds(20));
        String longLived = token(now, now.plus(Duration.ofHours(8)));

        parser.parse(shortLived);
        parser.parse(longLived);

        assertThat(verifiedTokens.reuseLeft(shortLived)).get().matches(left -> left.compareTo(Duration.ofSeconds(20)) <= 0);
        assertThat(verifiedTokens.reuseLeft(longLived)).get()
                .matches(left -> left.compareTo(VerifiedTokens.MAX_REUSE) <= 0 && left.toSeconds() > 30);
    }

    @Test
    void aTokenAlteredAfterTheOriginalWasAcceptedIsVerifiedAndRefused() {
        Instant now = Instant.now();
        String token = token(now, now.plus(Duration.ofHours(1)));
        given().auth().oauth2(token).get("/test/widgets/mine/" + structure).then().statusCode(200);

        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("reuse@test.cepcpf.fr", "other@test.cepcpf.fr")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedClaims + "." + parts[2];

        given().auth().oauth2(forged).get("/test/widgets/mine/" + structure).then().statusCode(401);
        assertThat(verifiedTokens.reuseLeft(forged)).isEmpty();
    }

    @Test
    void aRefusedTokenIsNotHeld() {
        Instant later = Instant.now().minus(Duration.ofHours(20));
        String expired = token(later, later.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
        assertThat(verifiedTokens.reuseLeft(expired)).isEmpty();
    }
}
