package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published contract documents every request, response and error of the API with a named example. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyRequestResponseAndErrorHasANamedExample() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode root = new ObjectMapper().readTree(document);
        JsonNode paths = root.get("paths");
        List<String> missing = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode body = operation.getValue().path("requestBody").path("content");
                body.fields().forEachRemaining(media -> {
                    if (media.getValue().path("examples").isEmpty()) {
                        missing.add(name + " request " + media.getKey());
                    }
                });
                JsonNode responses = operation.getValue().path("responses");
                for (String required : List.of("401", "403")) {
                    if (responses.path(required).isMissingNode()) {
                        missing.add(name + " has no " + required);
                    }
                }
                responses.fields().forEachRemaining(response -> {
                    if (response.getKey().equals("204")) {
                        return;
                    }
                    // the errors every operation shares are documented once, under components.responses
                    JsonNode declared = response.getValue();
                    if (declared.has("$ref")) {
                        declared = root.at(declared.get("$ref").asText().substring(1));
                    }
                    JsonNode content = declared.path("content");
                    if (content.isEmpty()) {
                        missing.add(name + " " + response.getKey() + " has no content");
                    }
                    content.fields().forEachRemaining(media -> {
                        if (media.getValue().path("examples").isEmpty()) {
                            missing.add(name + " " + response.getKey() + " " + media.getKey());
                        }
                        if (response.getKey().charAt(0) >= '4' && !media.getKey().equals("application/problem+json")) {
                            missing.add(name + " " + response.getKey() + " is " + media.getKey());
                        }
                    });
                });
            }
        }
        assertThat(operations).contains("POST /api/v1/beneficiaries", "PATCH /api/v1/beneficiaries/{id}",
                "DELETE /api/v1/beneficiaries/{id}", "GET /api/v1/beneficiaries/{id}/access-log",
                "POST /api/v1/beneficiaries/{id}/consents/{consentId}/withdrawal",
                        "GET /api/v1/counsellors/{id}/portfolio",
                "POST /api/v1/structures/{id}/counsellors", "PUT /api/v1/beneficiaries/{id}/referent");
        assertThat(missing).isEmpty();
        assertThat(document).contains("Idempotency-Key").contains("If-Match");
    }
}
