package fr.capemploi.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: a token carrying a structure-bound role (counsellor, manager) plus a national one (analyst, admin)
 * lost its structure scope. The structure-bound role stays bound whatever else the token carries.
 */
@QuarkusTest
class CallerScopeTest {

    private final UUID own = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void counsellorPlusAdminStaysInsideItsStructure() {
        String token = TestTokens.withRoles(own, Roles.COUNSELLOR, Roles.ADMIN);
        given().auth().oauth2(token).get("/test/widgets/mine/" + own).then().statusCode(200)
                .body("scope", equalTo(own.toString()));
        given().auth().oauth2(token).get("/test/widgets/mine/" + other).then().statusCode(404);
    }

    @Test
    void managerPlusAnalystStaysInsideItsStructure() {
        String token = TestTokens.withRoles(own, Roles.MANAGER, Roles.ANALYST);
        given().auth().oauth2(token).get("/test/widgets/mine/" + other).then().statusCode(404);
    }

    @Test
    void structureBoundRoleWithoutStructureClaimIsRefusedEvenWithAdmin() {
        String token = TestTokens.withRoles(null, Roles.COUNSELLOR, Roles.ADMIN);
        given().auth().oauth2(token).get("/test/widgets/mine/" + other).then().statusCode(403);
    }

    @Test
    void adminAloneSeesEveryStructure() {
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/mine/" + other).then().statusCode(200)
                .body("scope", equalTo("national"));
    }
}
