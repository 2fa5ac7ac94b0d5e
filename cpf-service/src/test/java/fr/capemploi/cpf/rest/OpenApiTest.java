package fr.capemploi.cpf.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published contract: every operation documented, with named examples of its requests and responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndNamedExamplesThatAreJson() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> cpfPaths = paths.keySet().stream().filter(p -> p.startsWith("/api/v1/cpf/")).toList();
        assertThat(cpfPaths).contains("/api/v1/cpf/accounts/{beneficiaryId}",
                "/api/v1/cpf/accounts/{beneficiaryId}/consents/withdrawal", "/api/v1/cpf/rights/simulations",
                "/api/v1/cpf/training-projects/{id}/funding-requests/{requestId}/decision",
                "/api/v1/cpf/training-projects/{id}/not-implemented");
        for (String path : cpfPaths) {
            paths.get(path).forEach((method, operation) -> {
                assertThat(operation.get("summary")).as("%s %s summary", method, path).isNotNull();
                if (!method.equals("get")) {
                    assertThat(examples(operation.get("requestBody"))).as("%s %s request examples", method, path)
                            .isNotEmpty();
                }
                Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
                Object success = responses.keySet().stream().filter(code -> String.valueOf(code).startsWith("2"))
                        .findFirst().map(responses::get).orElseThrow();
                assertThat(examples(success)).as("%s %s success example", method, path).isNotEmpty();
                // an example the generator could not read as JSON stays a string: it would mislead a partner
                assertThat(examples(operation)).as("%s %s examples", method, path)
                        .allSatisfy(value -> assertThat(value).isNotInstanceOf(String.class));
                if (!method.equals("get") && !path.startsWith("/api/v1/cpf/rights/")) {
                    // every write is about a person, so every write may meet their erasure
                    assertThat(examples(sharedOrOwn(openApi, responses.get("410")))).as("%s %s erased example",
                            method, path).hasSize(1);
                }
                if (method.equals("post") && !path.startsWith("/api/v1/cpf/rights/")) {
                    // an @Idempotent POST documents the header it honours without its method naming it
                    assertThat(operation.get("parameters")).as("%s %s parameters", method, path)
                            .asInstanceOf(InstanceOfAssertFactories.LIST)
                            .contains(Map.of("$ref", "#/components/parameters/Idempotency-Key"));
                }
            });
        }
    }

    /** The response itself, or the shared one it refers to ({@code $ref: #/components/responses/...}). */
    private static Object sharedOrOwn(JsonPath openApi, Object response) {
        if (response instanceof Map<?, ?> map && map.get("$ref") instanceof String ref) {
            return openApi.getMap("components.responses").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return response;
    }

    /** The values of every named example below a node of the document. */
    private static List<Object> examples(Object node) {
        List<Object> values = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if ("examples".equals(key) && child instanceof Map<?, ?> named) {
                    named.values().forEach(example -> values.add(((Map<?, ?>) example).get("value")));
                } else {
                    values.addAll(examples(child));
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(child -> values.addAll(examples(child)));
        }
        return values;
    }
}
