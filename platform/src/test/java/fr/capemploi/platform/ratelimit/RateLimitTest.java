package fr.capemploi.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: no rate limit. Failed authentications per client address and partner requests per partner are
 * limited; over the limit, 429 problem+json with Retry-After. The limits are those of the platform tests' configuration
 * (application.properties: the default 30 failed authentications, 4 partner requests, a 10-minute window), in the one
 * boot every platform test shares (a profile of its own was a second Quarkus boot).
 * <p>
 * The failed authentications come from a loopback address of their own ({@value #BLOCKED_ADDRESS}): once an address
 * is blocked, every request from it is refused for the window, and the two tests (and any other of this application,
 * whose refused tokens come from 127.0.0.1) must not depend on which runs first. The partners are subjects of their
 * own for the same reason.
 */
@QuarkusTest
class RateLimitTest {

    @Inject
    PlatformConfig config;

    static final String BLOCKED_ADDRESS = "127.0.0.2";

    private static String partner(String subject) {
        Instant now = Instant.now();
        return TestTokens.custom("france-travail@test.cepcpf.fr", subject, null, now, now.plusSeconds(600),
                Roles.PARTNER);
    }

    @Test
    void aPartnerOverItsLimitIsAskedToRetryLater() {
        String flooding = partner("partner-a");
        for (int i = 0; i < config.rateLimit().partnerRequests(); i++) {
            given().auth().oauth2(flooding).get("/api/v1/probe").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(flooding).get("/api/v1/probe");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        // another partner has its own allowance
        given().auth().oauth2(partner("partner-b")).get("/api/v1/probe").then().statusCode(200);
    }

    @Test
    void anAddressWithTooManyFailedAuthenticationsIsRefused() throws UnknownHostException {
        for (int i = 0; i < config.rateLimit().failedAuthentications(); i++) {
            fromBlockedAddress().auth().oauth2("not-a-token").get("/api/v1/probe").then().statusCode(401);
        }
        Response refused = fromBlockedAddress().auth().oauth2("not-a-token").get("/api/v1/probe");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        fromBlockedAddress().auth().oauth2(TestTokens.admin()).get("/api/v1/probe").then().statusCode(429);
        // the block is the address's: another address is served
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/probe").then().statusCode(200);
    }

    /** Requests whose connections start from {@link #BLOCKED_ADDRESS} (the whole 127/8 is loopback). */
    private static RequestSpecification fromBlockedAddress() throws UnknownHostException {
        InetAddress local = InetAddress.getByName(BLOCKED_ADDRESS);
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.route.local-address", local)));
    }
}
