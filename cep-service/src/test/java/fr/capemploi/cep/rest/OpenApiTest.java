package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published contract: every path of the CEP service, with named examples partners can try. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyPathIsDocumentedWithNamedExamples() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> paths = openApi.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/cep/level1-contacts", "/api/v1/cep/level1-contacts/{id}",
                "/api/v1/cep/diagnostics", "/api/v1/cep/diagnostics/{id}", "/api/v1/cep/accompaniments",
                "/api/v1/cep/accompaniments/{id}", "/api/v1/cep/accompaniments/{id}/level",
                "/api/v1/cep/accompaniments/{id}/cep-information", "/api/v1/cep/accompaniments/{id}/interviews",
                "/api/v1/cep/accompaniments/{id}/actions", "/api/v1/cep/accompaniments/{id}/actions/{actionId}",
                "/api/v1/cep/accompaniments/{id}/synthesis", "/api/v1/cep/accompaniments/{id}/close",
                "/api/v1/cep/accompaniments/{id}/synthesis-document", "/api/v1/cep/liaison-sheets/{contactId}",
                "/api/v1/cep/declarations/{structureId}/{period}");
        String actions = "paths.'/api/v1/cep/accompaniments/{id}/actions'.post";
        assertThat(openApi.getMap(actions + ".requestBody.content.'application/json'.examples"))
                .containsKeys("pmsmp", "pmsmp-renewal", "alternance", "training");
        assertThat(openApi.getMap(actions + ".responses.'409'.content.'application/problem+json'.examples"))
                .containsKey("second-renewal");
        assertThat(openApi.getMap("paths.'/api/v1/cep/accompaniments'.post.responses.'409'.content."
                + "'application/problem+json'.examples")).containsKey("not-cep");
        assertThat(openApi.getMap("paths.'/api/v1/cep/liaison-sheets/{contactId}'.get.responses.'200'.content"))
                .containsKeys("application/pdf", "application/json");
        for (String write : List.of("'/api/v1/cep/level1-contacts'.post", "'/api/v1/cep/diagnostics'.post",
                "'/api/v1/cep/accompaniments'.post", "'/api/v1/cep/accompaniments/{id}/level'.post",
                "'/api/v1/cep/accompaniments/{id}/cep-information'.post", "'/api/v1/cep/accompaniments/{id}/interviews'.post",
                "'/api/v1/cep/accompaniments/{id}/actions'.post",
                "'/api/v1/cep/accompaniments/{id}/actions/{actionId}'.patch",
                "'/api/v1/cep/accompaniments/{id}/synthesis'.post", "'/api/v1/cep/accompaniments/{id}/close'.post",
                "'/api/v1/cep/accompaniments/{id}/synthesis-document'.get",
                "'/api/v1/cep/liaison-sheets/{contactId}'.get")) {
            // every write and both documents refer to the shared response (its example is the same problem)
            String ref = openApi.getString("paths." + write + ".responses.'410'.'$ref'");
            String erased = ref == null ? "paths." + write + ".responses.'410'"
                    : "components.responses." + ref.substring(ref.lastIndexOf('/') + 1);
            assertThat(openApi.getMap(erased + ".content.'application/problem+json'.examples"))
                    .as(write).containsKey("beneficiary-erased");
            // an @Idempotent POST documents the header it honours without its method naming it
            if (write.endsWith(".post")) {
                assertThat(openApi.getList("paths." + write + ".parameters.'$ref'", String.class)).as(write)
                        .contains("#/components/parameters/Idempotency-Key");
            }
        }
        assertThat(openApi.getMap("paths.'/api/v1/cep/declarations/{structureId}/{period}'.put.requestBody.content."
                + "'application/json'.examples")).containsKeys("half-year-2016", "minimal");
    }
}
